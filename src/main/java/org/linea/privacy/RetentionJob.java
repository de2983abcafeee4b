package org.linea.privacy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily retention run and the creation of month partitions ahead, as db-scheduler recurring
 * tasks: each next execution is a row in {@code jobs_scheduled_task}, picked by exactly one node, and
 * run again after a crash.
 */
@Configuration(proxyBeanMethods = false)
class RetentionJob {

	static final String NAME = "privacy-retention";

	static final String PARTITIONS = "privacy-partitions";

	@Bean
	RecurringTask<Void> retentionTask(RetentionService retention, PrivacyProperties properties) {
		return Tasks.recurring(NAME, Schedules.parseSchedule(properties.retentionSchedule()))
			.execute((instance, context) -> retention.applyRetention());
	}

	/** Creates the coming months' partitions of the large tables ahead of their first row. */
	@Bean
	RecurringTask<Void> partitionTask(MonthlyPartitions partitions, PrivacyProperties properties) {
		return Tasks.recurring(PARTITIONS, Schedules.parseSchedule(properties.partitionSchedule()))
			.execute((instance, context) -> partitions.createAhead());
	}

}
