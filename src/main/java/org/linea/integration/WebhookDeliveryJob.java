package org.linea.integration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Each webhook delivery is a db-scheduler one-time task: picked by one node, run again after a crash,
 * and, when the receiver is down, tried again after a wait that doubles each time.
 */
@Configuration(proxyBeanMethods = false)
class WebhookDeliveryJob {

	static final String NAME = "integration-webhook-delivery";

	@Bean
	OneTimeTask<Long> webhookDeliveryTask(@Lazy WebhookDeliveries deliveries, IntegrationProperties properties) {
		return Tasks.oneTime(NAME, Long.class)
			.onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(properties.firstRetry(), 2.0))
			.execute((instance, context) -> {
				try {
					if (deliveries.deliver(instance.getData()) == WebhookDeliveries.Outcome.RETRY) {
						throw new IllegalStateException("Webhook receiver unavailable, delivery " + instance.getData() + " will be tried again");
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while delivering " + instance.getData(), ex);
				}
			});
	}

}
