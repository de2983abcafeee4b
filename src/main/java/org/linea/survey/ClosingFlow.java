package org.linea.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.linea.access.LineService;
import org.linea.contact.ConsentEvent;
import org.linea.contact.ContactService;
import org.linea.contact.Demographic;
import org.linea.contact.PhoneUse;
import org.linea.contact.SharedPhones;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.linea.shared.db.Rows.nullableLong;
import static org.linea.shared.db.Rows.timestamp;

/**
 * The closing conversation after an interaction ends: how satisfied the person is, then, with their
 * consent, a few demographic questions (each with "prefer not to say"), then consent per purpose for
 * broadcasts and surveys. Answers and consent go to the contact's ledger with the wording version and
 * the interaction they were given in. Someone who did not answer last time is not asked this time,
 * unless the phone is shared (the next writer is likely someone else). A number that went through the
 * flow before and whose use nobody has said is asked whether the phone is shared, before the
 * demographic questions. The flow returns texts to send; the caller sends them.
 */
@Service
public class ClosingFlow {

	static final String WORDING_VERSION = "closing-v1";

	static final Duration ANSWER_WITHIN = Duration.ofHours(24);

	private static final Pattern NUMBER = Pattern.compile("^\\s*(\\d{1,2})\\b");

	private final JdbcClient jdbc;

	private final ContactService contacts;

	private final SharedPhones sharedPhones;

	private final LineService lines;

	private final MessageSource messages;

	private final Clock clock;

	ClosingFlow(JdbcClient jdbc, ContactService contacts, SharedPhones sharedPhones, LineService lines, MessageSource messages,
			Clock clock) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.sharedPhones = sharedPhones;
		this.lines = lines;
		this.messages = messages;
		this.clock = clock;
	}

	/** A person in the middle of the closing flow. */
	public record ActiveFlow(long id, long conversationId, long contactId, long lineId, ClosingStep step, Long demographicsConsentId) {
	}

	/**
	 * Begins the flow for a closed conversation and returns the first question, or nothing when the
	 * person left the previous closing flow unanswered (never asked twice in a row).
	 */
	@Transactional
	public Optional<String> start(long conversationId, long contactId, long lineId, String language) {
		expireUnanswered();
		Optional<String> previous = this.jdbc.sql("""
				select outcome from bot_closing_flow where contact_id = ? order by started_at desc, id desc limit 1
				""").param(contactId).query(String.class).optional();
		boolean skip = previous.filter("NO_ANSWER"::equals).isPresent() && !this.contacts.isShared(contactId);
		this.jdbc.sql("update bot_closing_flow set finished_at = ?, outcome = 'STOPPED' where contact_id = ? and finished_at is null")
			.params(now(), contactId)
			.update();
		this.jdbc.sql("""
				insert into bot_closing_flow (conversation_id, contact_id, line_id, step, wording_version, started_at, last_asked_at,
				                              finished_at, outcome)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (conversation_id) do nothing
				""")
			.params(conversationId, contactId, lineId, ClosingStep.SATISFACTION.name(), WORDING_VERSION, now(), now(),
					skip ? now() : null, skip ? "SKIPPED" : null)
			.update();
		return skip ? Optional.empty() : Optional.of(question(ClosingStep.SATISFACTION, language));
	}

	/** The person's unfinished closing flow, if they were asked within the last 24 hours. */
	@Transactional(readOnly = true)
	public Optional<ActiveFlow> active(long contactId) {
		return this.jdbc.sql("""
				select id, conversation_id, contact_id, line_id, step, demographics_consent_id from bot_closing_flow
				where contact_id = ? and finished_at is null and last_asked_at > ?
				""").params(contactId, timestamp(Instant.now(this.clock).minus(ANSWER_WITHIN))).query((rs, row) -> new ActiveFlow(
				rs.getLong("id"), rs.getLong("conversation_id"), rs.getLong("contact_id"), rs.getLong("line_id"),
				ClosingStep.valueOf(rs.getString("step")),
				nullableLong(rs, "demographics_consent_id")))
			.optional();
	}

	/**
	 * Takes the person's message as the answer to the pending question. Returns the texts to send
	 * (the next question, or thanks at the end); empty when the message is not an answer, in which
	 * case the flow stops and the message is a new request.
	 */
	@Transactional
	public Optional<List<String>> answer(ActiveFlow flow, String text, String language) {
		Optional<String> value = read(flow.step(), text);
		if (value.isEmpty()) {
			finish(flow.id(), "STOPPED");
			return Optional.empty();
		}
		Long consentId = flow.demographicsConsentId();
		long conversation = flow.conversationId();
		switch (flow.step()) {
			case SATISFACTION -> this.jdbc.sql("update bot_closing_flow set satisfaction = ? where id = ?")
				.params(Integer.parseInt(value.get()), flow.id()).update();
			case SHARED_PHONE -> this.sharedPhones.mark(flow.contactId(), PhoneUse.valueOf(value.get()), SharedPhones.Source.PERSON,
					this.lines.get(flow.lineId()).organisationId(), "closing flow of conversation " + conversation);
			case CONSENT_DEMOGRAPHICS -> {
				consentId = consent(flow, "DEMOGRAPHICS", value.get());
				this.jdbc.sql("update bot_closing_flow set demographics_consent_id = ? where id = ?").params(consentId, flow.id()).update();
			}
			case GENDER -> this.contacts.saveDemographic(flow.contactId(), conversation, Demographic.GENDER, value.get(), consentId);
			case AGE_RANGE -> this.contacts.saveDemographic(flow.contactId(), conversation, Demographic.AGE_RANGE, value.get(), consentId);
			case LOCATION -> this.contacts.saveDemographic(flow.contactId(), conversation, Demographic.LOCATION, value.get(), consentId);
			case MIGRANT_STATUS -> this.contacts.saveDemographic(flow.contactId(), conversation, Demographic.MIGRANT_STATUS, value.get(),
					consentId);
			case CONSENT_INFO_BROADCASTS -> consent(flow, "BROADCASTS", value.get());
			case CONSENT_SURVEYS -> consent(flow, "SURVEYS", value.get());
		}
		Optional<ClosingStep> next = next(flow, value.get());
		List<String> replies = new ArrayList<>();
		if (next.isPresent()) {
			this.jdbc.sql("update bot_closing_flow set step = ?, last_asked_at = ? where id = ?")
				.params(next.get().name(), now(), flow.id())
				.update();
			askedConsent(flow, next.get());
			replies.add(question(next.get(), language));
		}
		else {
			finish(flow.id(), "COMPLETED");
			replies.add(this.messages.getMessage("bot.closing.thanks", null, Locale.forLanguageTag(language)));
		}
		return Optional.of(replies);
	}

	/** Ends the person's unfinished closing flow, if any: after an opt-out nothing more is asked. */
	@Transactional
	public void stop(long contactId) {
		this.jdbc.sql("update bot_closing_flow set finished_at = ?, outcome = 'STOPPED' where contact_id = ? and finished_at is null")
			.params(now(), contactId)
			.update();
	}

	/** How satisfied (1-5) the person said they were with this interaction, if they answered. */
	@Transactional(readOnly = true)
	public Optional<Integer> satisfaction(long conversationId) {
		return this.jdbc.sql("select satisfaction from bot_closing_flow where conversation_id = ? and satisfaction is not null")
			.param(conversationId)
			.query(Integer.class)
			.optional();
	}

	/** Flows left unanswered for a day end as NO_ANSWER, so the next closing does not ask again. */
	@Scheduled(fixedDelayString = "PT10M")
	@Transactional
	public void expireUnanswered() {
		this.jdbc.sql("""
				update bot_closing_flow set finished_at = ?, outcome = 'NO_ANSWER'
				where finished_at is null and last_asked_at <= ?
				""").params(now(), timestamp(Instant.now(this.clock).minus(ANSWER_WITHIN))).update();
	}

	private Optional<ClosingStep> next(ActiveFlow flow, String value) {
		return switch (flow.step()) {
			case SATISFACTION -> Optional.of(askPhoneUse(flow) ? ClosingStep.SHARED_PHONE : ClosingStep.CONSENT_DEMOGRAPHICS);
			case SHARED_PHONE -> Optional.of(ClosingStep.CONSENT_DEMOGRAPHICS);
			case CONSENT_DEMOGRAPHICS ->
				Optional.of(value.equals("YES") ? ClosingStep.GENDER : ClosingStep.CONSENT_INFO_BROADCASTS);
			case GENDER -> Optional.of(ClosingStep.AGE_RANGE);
			case AGE_RANGE -> Optional.of(ClosingStep.LOCATION);
			case LOCATION -> Optional.of(ClosingStep.MIGRANT_STATUS);
			case MIGRANT_STATUS -> Optional.of(ClosingStep.CONSENT_INFO_BROADCASTS);
			case CONSENT_INFO_BROADCASTS -> Optional.of(ClosingStep.CONSENT_SURVEYS);
			case CONSENT_SURVEYS -> Optional.empty();
		};
	}

	/** Reads an answer: a listed number, yes/no in words, or free text for the location. */
	static Optional<String> read(ClosingStep step, String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String plain = ClosingAnswers.plain(text);
		if (step == ClosingStep.LOCATION) {
			if (ClosingAnswers.preferNotToSay(plain)) {
				return Optional.of("PREFER_NOT_TO_SAY");
			}
			return text.strip().length() <= 80 ? Optional.of(text.strip()) : Optional.empty();
		}
		if (step.options().equals(List.of("YES", "NO"))) {
			return ClosingAnswers.yesOrNo(plain);
		}
		boolean demographic = step != ClosingStep.SATISFACTION && step != ClosingStep.SHARED_PHONE;
		if (demographic && ClosingAnswers.preferNotToSay(plain) && !plain.equals("0")) {
			return Optional.of(step.options().getLast());
		}
		Matcher number = NUMBER.matcher(plain);
		if (number.find()) {
			int choice = Integer.parseInt(number.group(1));
			if (choice >= 1 && choice <= step.options().size()) {
				return Optional.of(step.options().get(choice - 1));
			}
			return Optional.empty();
		}
		return step == ClosingStep.SATISFACTION ? ClosingAnswers.satisfaction(plain) : Optional.empty();
	}

	/** A number that went through closing before and whose use nobody has said yet. */
	private boolean askPhoneUse(ActiveFlow flow) {
		return this.sharedPhones.use(flow.contactId()) == PhoneUse.UNKNOWN
				&& this.jdbc.sql("select exists (select 1 from bot_closing_flow where contact_id = ? and id < ?)")
					.params(flow.contactId(), flow.id()).query(Boolean.class).single();
	}

	private long consent(ActiveFlow flow, String purpose, String answer) {
		return this.contacts.recordConsent(flow.contactId(), flow.conversationId(), purpose,
				answer.equals("YES") ? ConsentEvent.GIVEN : ConsentEvent.REFUSED, WORDING_VERSION, "closing-flow");
	}

	private void askedConsent(ActiveFlow flow, ClosingStep step) {
		String purpose = switch (step) {
			case CONSENT_DEMOGRAPHICS -> "DEMOGRAPHICS";
			case CONSENT_INFO_BROADCASTS -> "BROADCASTS";
			case CONSENT_SURVEYS -> "SURVEYS";
			default -> null;
		};
		if (purpose != null) {
			this.contacts.recordConsent(flow.contactId(), flow.conversationId(), purpose, ConsentEvent.ASKED, WORDING_VERSION,
					"closing-flow");
		}
	}

	private void finish(long flowId, String outcome) {
		this.jdbc.sql("update bot_closing_flow set finished_at = ?, outcome = ? where id = ? and finished_at is null")
			.params(now(), outcome, flowId)
			.update();
	}

	private String question(ClosingStep step, String language) {
		return this.messages.getMessage(step.messageKey(), null, Locale.forLanguageTag(language));
	}

	private java.sql.Timestamp now() {
		return timestamp(Instant.now(this.clock));
	}

}
