package org.linea.privacy;

import org.linea.access.AuditLog;
import org.linea.personaldata.DataTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.linea.access.Line;
import org.linea.contact.Contact;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person asks by keyword: "MIS DATOS" / "MY DATA" tells them what the line keeps and for how
 * long; "BORRAR MIS DATOS" / "DELETE MY DATA" erases them once the answer has gone out (lines that erase
 * at once), or waits for a coordinator to confirm. Both are audited.
 */
@Service
public class PersonRequests {

	public enum Kind {

		MY_DATA, DELETE_MY_DATA

	}

	/** Time for the answer to reach the outbox's provider before the number it goes to is erased. */
	static final Duration ANSWER_FIRST = Duration.ofSeconds(2);

	private final RetentionPeriods periods;

	private final ErasurePolicies policies;

	private final AuditLog audit;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final ObjectProvider<OneTimeTask<Long>> erasureTask;

	private final Clock clock;

	PersonRequests(RetentionPeriods periods, ErasurePolicies policies, AuditLog audit, MessageSource messages, JdbcClient jdbc,
			ObjectProvider<SchedulerClient> scheduler, ObjectProvider<OneTimeTask<Long>> erasureTask, Clock clock) {
		this.periods = periods;
		this.policies = policies;
		this.audit = audit;
		this.messages = messages;
		this.jdbc = jdbc;
		this.scheduler = scheduler;
		this.erasureTask = erasureTask;
		this.clock = clock;
	}

	/** Handles the request in the pipeline's transaction and returns the answer to send. */
	@Transactional(propagation = Propagation.MANDATORY)
	public String handle(Line line, Contact contact, Kind kind, String language) {
		Locale locale = Locale.forLanguageTag(language);
		if (kind == Kind.MY_DATA) {
			Map<String, Integer> days = this.periods.of(line);
			this.audit.record(line.organisationId(), "PERSON_ASKED_DATA", "contact", Long.toString(contact.id()), Map.of("code", contact.code()));
			return this.messages.getMessage("privacy.person.myData", new Object[] { contact.code(),
					days.get(DataTypes.MESSAGE_TEXTS), days.get(DataTypes.IDENTIFIERS) }, locale);
		}
		boolean atOnce = this.policies.erasesAtOnce(line.id());
		boolean isNew = this.jdbc.sql("""
				insert into privacy_erasure_request (line_id, contact_id, contact_code, requested_at, status) values (?, ?, ?, ?, ?)
				on conflict (contact_id) where status in ('PENDING', 'SCHEDULED') do nothing
				""").params(line.id(), contact.id(), contact.code(), java.sql.Timestamp.from(Instant.now(this.clock)),
				atOnce ? "SCHEDULED" : "PENDING").update() == 1;
		if (isNew) {
			this.audit.record(line.organisationId(), "PERSON_ASKED_ERASURE", "contact", Long.toString(contact.id()),
					Map.of("code", contact.code(), "atOnce", atOnce));
			if (atOnce) {
				schedule(contact.id());
			}
		}
		return this.messages.getMessage(atOnce ? "privacy.person.erasingNow" : "privacy.person.erasureRequested",
				new Object[] { contact.code() }, locale);
	}

	void schedule(long contactId) {
		this.scheduler.getObject()
			.scheduleIfNotExists(this.erasureTask.getObject().instance("contact-" + contactId, contactId),
					Instant.now(this.clock).plus(ANSWER_FIRST));
	}

}
