package org.linea.privacy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily retention run as a db-scheduler recurring task: its next execution is a row in
 * {@code jobs_scheduled_task}, picked by exactly one node, and run again after a crash.
 */
@Configuration(proxyBeanMethods = false)
class RetentionJob {

	static final String NAME = "privacy-retention";

	@Bean
	RecurringTask<Void> retentionTask(RetentionService retention, PrivacyProperties properties) {
		return Tasks.recurring(NAME, Schedules.parseSchedule(properties.retentionSchedule()))
			.execute((instance, context) -> retention.applyRetention());
	}

}
