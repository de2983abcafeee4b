package org.linea.shared.events;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Reactions recorded in the event publication registry but not completed (the listener failed, or the
 * node died between the commit and the reaction) are run again. A db-scheduler round, so one node of
 * the cluster does it at a time; only publications older than {@code linea.events.resubmit-after} are
 * taken, so a reaction still running on its node is not started a second time.
 */
@Configuration(proxyBeanMethods = false)
class ResubmitIncompletePublications {

	static final String NAME = "event-publication-resubmission";

	@Bean
	RecurringTask<Void> eventPublicationResubmissionTask(IncompleteEventPublications incomplete,
			@Value("${linea.events.resubmit-interval:1m}") Duration interval,
			@Value("${linea.events.resubmit-after:2m}") Duration minimumAge) {
		return Tasks.recurring(NAME, Schedules.fixedDelay(interval))
			.execute((instance, context) -> incomplete.resubmitIncompletePublicationsOlderThan(minimumAge));
	}

}
