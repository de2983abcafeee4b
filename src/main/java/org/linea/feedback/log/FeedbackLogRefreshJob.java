package org.linea.feedback.log;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.support.TransactionTemplate;

/** The durable refresh of one interaction's feedback-log record, as a db-scheduler one-time task. */
@Configuration(proxyBeanMethods = false)
class FeedbackLogRefreshJob {

	static final String NAME = "feedback-log-refresh";

	@Bean
	OneTimeTask<Long> feedbackLogRefreshTask(@Lazy FeedbackLogRecorder recorder, TransactionTemplate transactions) {
		return Tasks.oneTime(NAME, Long.class)
			.onFailure(new FailureHandler.MaxRetriesFailureHandler<>(10, new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5))))
			.execute((instance, context) -> transactions.executeWithoutResult(tx -> recorder.refresh(instance.getData())));
	}

}
