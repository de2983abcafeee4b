package org.linea.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of retention and the audit trail.
 *
 * @param auditRetention how long audit entries are kept, installation-wide (default 730 days)
 * @param retentionSchedule when the retention run starts, in db-scheduler's form (default
 * {@code DAILY|03:00|UTC}); one node of the cluster runs it
 * @param partitionSchedule when the month partitions of the large tables are created ahead (default
 * {@code DAILY|02:30|UTC}); one node runs it
 */
@ConfigurationProperties("linea.privacy")
public record PrivacyProperties(Duration auditRetention, String retentionSchedule, String partitionSchedule) {

	public PrivacyProperties {
		if (auditRetention == null || auditRetention.isNegative() || auditRetention.isZero()) {
			auditRetention = Duration.ofDays(730);
		}
		if (retentionSchedule == null || retentionSchedule.isBlank()) {
			retentionSchedule = "DAILY|03:00|UTC";
		}
		if (partitionSchedule == null || partitionSchedule.isBlank()) {
			partitionSchedule = "DAILY|02:30|UTC";
		}
	}

}
