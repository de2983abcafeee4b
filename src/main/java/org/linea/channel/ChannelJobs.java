package org.linea.channel;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox and media rounds as db-scheduler recurring tasks, like every other job of Linea: each
 * next round is a row in {@code jobs_scheduled_task} that exactly one node picks, and a round a dead
 * node held is run again by another once its heartbeats stop. The work itself is claimed row by row
 * ({@code SKIP LOCKED}, leases), so the wake-ups a node sends itself when it queues a message or
 * awaits media (for low latency) and the scheduled rounds never take the same row twice.
 */
@Configuration(proxyBeanMethods = false)
class ChannelJobs {

	static final String OUTBOX = "channel-outbox-drain";

	static final String MEDIA = "channel-media-fetch";

	@Bean
	RecurringTask<Void> outboxDrainTask(DrainOutbox outbox, OutboxProperties properties) {
		return Tasks.recurring(OUTBOX, Schedules.fixedDelay(properties.pollInterval()))
			.execute((instance, context) -> outbox.drainDue());
	}

	@Bean
	RecurringTask<Void> mediaFetchTask(FetchInboundMedia media,
			@Value("${linea.channel.media-poll-interval:5s}") Duration interval) {
		return Tasks.recurring(MEDIA, Schedules.fixedDelay(interval)).execute((instance, context) -> media.fetchDue());
	}

}
