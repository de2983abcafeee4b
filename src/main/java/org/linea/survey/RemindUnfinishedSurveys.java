package org.linea.survey;

import java.time.Clock;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People who have not answered the last question for {@code linea.survey.remind-after} are asked it
 * again, up to {@code linea.survey.reminders} times (not while the team holds their conversation);
 * once {@code linea.survey.timeout} has passed since the last question or reminder and no reminder
 * is due, the survey ends as partial. Each session is locked while it
 * is handled ({@code SKIP LOCKED}), so nodes share the work and nobody is reminded twice.
 */
@Component
class RemindUnfinishedSurveys {

	private final SurveyStore store;

	private final SurveyRuns runs;

	private final SurveyProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RemindUnfinishedSurveys(SurveyStore store, SurveyRuns runs, SurveyProperties properties, TransactionTemplate transactions,
			Clock clock) {
		this.store = store;
		this.runs = runs;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void run() {
		remindAndExpire(Instant.now(this.clock));
	}

	/** Reminds and times out as of {@code now}; returns how many sessions were reminded or ended. */
	int remindAndExpire(Instant now) {
		int handled = 0;
		for (long id : this.store.askedBefore(now.minus(this.properties.remindAfter()), 200)) {
			Boolean done = this.transactions.execute(status -> this.store.lockActive(id).map(session -> {
				if (session.remindersSent() < this.properties.reminders() && this.runs.remind(session)) {
					return true;
				}
				if (!this.store.lastAskedBefore(id, now.minus(this.properties.timeout()))) {
					return false;
				}
				this.runs.timeOut(session);
				return true;
			}).orElse(false));
			handled += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return handled;
	}

}
