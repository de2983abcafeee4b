package org.linea.privacy;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A person's erasure asked for by keyword, as a db-scheduler one-time task: it waits until the answer
 * to the person has left the outbox (the number is needed to send it), then erases, on one node.
 */
@Configuration(proxyBeanMethods = false)
class ErasureJob {

	static final String NAME = "privacy-erase-contact";

	@Bean
	OneTimeTask<Long> erasureTask(ScheduledErasures erasures) {
		return Tasks.oneTime(NAME, Long.class)
			.onFailure(new FailureHandler.MaxRetriesFailureHandler<>(60, new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(2))))
			.execute((instance, context) -> erasures.erase(instance.getData()));
	}

}
