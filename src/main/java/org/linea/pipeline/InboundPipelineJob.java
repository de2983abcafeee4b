package org.linea.pipeline;

import org.linea.pipeline.ProcessInboundMessages;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pipeline's round over messages stored but not processed (a node that died, a failed attempt),
 * as a db-scheduler recurring task: one node at a time runs it, another takes over when that node's
 * heartbeats stop. Each message is claimed by its row lock, so this round and the after-commit
 * processing of the node that stored a message never handle it twice.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "linea.pipeline.enabled", havingValue = "true", matchIfMissing = true)
class InboundPipelineJob {

	static final String NAME = "inbound-pipeline-leftovers";

	@Bean
	RecurringTask<Void> inboundLeftoversTask(ProcessInboundMessages processing,
			@Value("${linea.pipeline.recovery-interval:5s}") Duration interval) {
		return Tasks.recurring(NAME, Schedules.fixedDelay(interval)).execute((instance, context) -> processing.processLeftovers());
	}

}
