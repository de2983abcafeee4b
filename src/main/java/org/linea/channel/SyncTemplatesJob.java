package org.linea.channel;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every line's templates read again from its provider every {@code linea.channel.template-sync}
 * (6 hours by default), as a db-scheduler recurring task: one node runs each round, and a round a crash
 * cut short runs again. The provider's webhooks keep status and category current in between.
 */
@Configuration(proxyBeanMethods = false)
class SyncTemplatesJob {

	static final String NAME = "channel-template-sync";

	@Bean
	RecurringTask<Void> templateSyncTask(ChannelTemplates templates, ChannelProperties properties) {
		return Tasks.recurring(NAME, Schedules.fixedDelay(properties.templateSync())).execute((instance, context) -> {
			try {
				templates.syncAll();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

}
