package org.linea.report;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Monday emails as a db-scheduler recurring task (one node at a time, picked up again after a
 * crash): every five minutes by default (a cron schedule, so not in the rush of a node starting) it
 * plans the deliveries whose Monday hour has passed and sends those due, the retries included.
 */
@Configuration(proxyBeanMethods = false)
class WeeklyReportDeliveryJob {

	static final String NAME = "report-weekly-delivery";

	@Bean
	RecurringTask<Void> weeklyReportDeliveryTask(WeeklyReportDelivery delivery, Clock clock,
			@Value("${linea.report.delivery-schedule:0 */5 * * * *}") String schedule) {
		return Tasks.recurring(NAME, Schedules.cron(schedule)).execute((instance, context) -> delivery.run(clock.instant()));
	}

}
