package org.linea.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.linea.channel.OutboundContent;
import org.linea.contact.ContactService;
import org.linea.contact.SharedPhones;
import org.linea.shared.Warmup;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.linea.shared.db.Rows.nullableLong;
import static org.linea.shared.db.Rows.timestamp;

/**
 * The closing questions after an interaction ends, run by the survey engine from the built-in XLSForm
 * {@code survey/closing.xlsx}: how satisfied the person is, whether the phone is shared, consent to
 * keep a few demographic facts and, only with it ({@code relevant}), gender, age, place and migration
 * situation, then consent for broadcasts and surveys. The engine asks (buttons or a list on WhatsApp,
 * numbered options on SMS), reads the reply (a number, the option, its words in es, en, pt, fr or ht)
 * and skips what is not relevant; {@link ClosingLedger} records each answer where Linea reads it. The
 * answers stay in the closed conversation. A reply that is no answer ends the questions and is a new
 * request for the bot or the team. Someone who did not answer last time is not asked this time, unless
 * the phone is shared (the next writer is likely someone else). The phone question is asked of a number
 * that went through closing before and whose use nobody has said: the form names those facts
 * ({@code ${closed_before}}, {@code ${phone_use}}) and the flow supplies them. The flow returns what to
 * send; the caller sends it.
 */
@Service
public class ClosingFlow {

	static final String FORM_RESOURCE = "/survey/closing.xlsx";

	/** What the closing form may name besides its questions, supplied by the flow. */
	static final Set<String> FACTS = Set.of("closed_before", "phone_use");

	static final Duration ANSWER_WITHIN = Duration.ofHours(24);

	/** The shipped form, read when first needed (Apache POI's classes load with it: about a second at start). */
	private static final class Shipped {

		static final SurveyForm FORM = load();

	}

	private final JdbcClient jdbc;

	private final ContactService contacts;

	private final SharedPhones sharedPhones;

	private final ClosingLedger ledger;

	private final MessageSource messages;

	private final Clock clock;

	ClosingFlow(JdbcClient jdbc, ContactService contacts, SharedPhones sharedPhones, ClosingLedger ledger, MessageSource messages,
			Clock clock, Warmup warmup) {
		// read while the application starts, off its main thread; a first closing survey waits for it if needed
		warmup.start("closing-form", () -> Shipped.FORM);
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.sharedPhones = sharedPhones;
		this.ledger = ledger;
		this.messages = messages;
		this.clock = clock;
	}

	/** The closing form as shipped. */
	static SurveyForm form() {
		return Shipped.FORM;
	}

	/** The closing form's file as shipped, for a coordinator to read or translate. */
	static byte[] formFile() {
		try (InputStream in = ClosingFlow.class.getResourceAsStream(FORM_RESOURCE)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static SurveyForm load() {
		try (InputStream in = ClosingFlow.class.getResourceAsStream(FORM_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The closing form " + FORM_RESOURCE + " is missing from the build");
			}
			return XlsFormReader.read(in, FACTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A person in the middle of the closing questions.
	 *
	 * @param question the name of the question waiting for an answer
	 * @param answers the answers so far by question name
	 */
	public record ActiveFlow(long id, long conversationId, long contactId, long lineId, String question, Long demographicsConsentId,
			Map<String, String> answers) {
	}

	/**
	 * Begins the flow for a closed conversation and returns the first question, or nothing when the
	 * person left the previous closing flow unanswered (never asked twice in a row).
	 */
	@Transactional
	public List<OutboundContent> start(long conversationId, long contactId, long lineId, String language) {
		expireUnanswered();
		Optional<String> previous = this.jdbc.sql("""
				select outcome from bot_closing_flow where contact_id = ? order by started_at desc, id desc limit 1
				""").param(contactId).query(String.class).optional();
		boolean skip = previous.filter("NO_ANSWER"::equals).isPresent() && !this.contacts.isShared(contactId);
		this.jdbc.sql("update bot_closing_flow set finished_at = ?, outcome = 'STOPPED' where contact_id = ? and finished_at is null")
			.params(now(), contactId)
			.update();
		Map<String, String> facts = facts(contactId, Long.MAX_VALUE);
		List<Question> steps = Shipped.FORM.nextSteps(null, facts);
		String first = steps.isEmpty() ? null : steps.getLast().name();
		int inserted = this.jdbc.sql("""
				insert into bot_closing_flow (conversation_id, contact_id, line_id, step, wording_version, started_at, last_asked_at,
				                              finished_at, outcome)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (conversation_id) do nothing
				""")
			.params(conversationId, contactId, lineId, String.valueOf(first), Shipped.FORM.version(), now(), now(), skip ? now() : null,
					skip ? "SKIPPED" : null)
			.update();
		if (skip || inserted == 0 || first == null) {
			return List.of();
		}
		ActiveFlow flow = active(contactId).orElseThrow();
		return ask(flow, steps, facts, language);
	}

	/** The person's unfinished closing flow, if they were asked within the last 24 hours. */
	@Transactional(readOnly = true)
	public Optional<ActiveFlow> active(long contactId) {
		return this.jdbc.sql("""
				select id, conversation_id, contact_id, line_id, step, demographics_consent_id from bot_closing_flow
				where contact_id = ? and finished_at is null and last_asked_at > ?
				""").params(contactId, timestamp(Instant.now(this.clock).minus(ANSWER_WITHIN))).query((rs, row) -> new ActiveFlow(
				rs.getLong("id"), rs.getLong("conversation_id"), rs.getLong("contact_id"), rs.getLong("line_id"), rs.getString("step"),
				nullableLong(rs, "demographics_consent_id"), answers(rs.getLong("id"))))
			.optional();
	}

	/**
	 * Takes the person's message as the answer to the pending question. Returns what to send (the next
	 * question, or thanks at the end); empty when the message is not an answer, in which case the flow
	 * stops and the message is a new request.
	 */
	@Transactional
	public Optional<List<OutboundContent>> answer(ActiveFlow flow, String text, String language) {
		Optional<Question> question = Shipped.FORM.question(flow.question());
		Map<String, String> answers = new HashMap<>(flow.answers());
		answers.putAll(facts(flow.contactId(), flow.id()));
		Optional<String> value = question.flatMap(q -> read(q, answers, text, language));
		if (value.isEmpty()) {
			finish(flow.id(), "STOPPED");
			return Optional.empty();
		}
		this.ledger.record(flow, question.get().name(), value.get(), Shipped.FORM.version());
		this.jdbc.sql("update bot_closing_flow set answers = answers || jsonb_build_object(?::text, ?::text) where id = ?")
			.params(question.get().name(), value.get(), flow.id())
			.update();
		answers.put(question.get().name(), value.get());
		return Optional.of(ask(flow, Shipped.FORM.nextSteps(question.get(), answers), answers, language));
	}

	/** Sends the notes and the next question, or ends the flow with thanks when the form is done. */
	private List<OutboundContent> ask(ActiveFlow flow, List<Question> steps, Map<String, String> answers, String language) {
		List<OutboundContent> replies = new ArrayList<>();
		for (Question step : steps) {
			replies.add(Prompts.question(Shipped.FORM, step, Shipped.FORM.visibleChoices(step, answers), language,
					(key, args) -> this.messages.getMessage(key, args, Locale.forLanguageTag(language))));
			if (step.type() != QuestionType.NOTE) {
				this.jdbc.sql("update bot_closing_flow set step = ?, last_asked_at = ? where id = ?")
					.params(step.name(), now(), flow.id())
					.update();
				this.ledger.asked(flow, step.name(), Shipped.FORM.version());
				return replies;
			}
		}
		finish(flow.id(), "COMPLETED");
		replies.add(OutboundContent.text(this.messages.getMessage("bot.closing.thanks", null, Locale.forLanguageTag(language))));
		return replies;
	}

	/**
	 * The engine's reading of the reply as an answer to this question: an option, a text within the
	 * constraint, or the question's default when the person declines an optional one. Anything else
	 * is no answer.
	 */
	static Optional<String> read(Question question, Map<String, String> answers, String text, String language) {
		Answer answer = Replies.read(question, Shipped.FORM.visibleChoices(question, answers), language, Shipped.FORM.defaultLanguage(), text);
		return switch (answer) {
			case Answer.Value value -> {
				Map<String, String> withSelf = new HashMap<>(answers);
				withSelf.put(question.name(), value.value());
				withSelf.put(Expressions.SELF, value.value());
				boolean valid = question.constraint() == null || Expressions.test(question.constraint(), withSelf);
				yield valid ? Optional.of(value.value()) : Optional.empty();
			}
			case Answer.Skipped skipped -> question.required() ? Optional.empty() : Optional.ofNullable(question.defaultValue());
			case Answer.Invalid invalid -> Optional.empty();
			case Answer.NotAnAnswer none -> Optional.empty();
		};
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

	/** The facts the form's expressions may name: whether the number went through closing before, and the phone's use. */
	private Map<String, String> facts(long contactId, long beforeFlowId) {
		boolean closedBefore = this.jdbc.sql("select exists (select 1 from bot_closing_flow where contact_id = ? and id < ?)")
			.params(contactId, beforeFlowId)
			.query(Boolean.class)
			.single();
		return Map.of("closed_before", closedBefore ? "yes" : "no", "phone_use", this.sharedPhones.use(contactId).name());
	}

	private Map<String, String> answers(long flowId) {
		Map<String, String> answers = new HashMap<>();
		this.jdbc.sql("select key, value from bot_closing_flow f, jsonb_each_text(f.answers) where f.id = ?")
			.param(flowId)
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> answers.put(rs.getString("key"), rs.getString("value")));
		return answers;
	}

	private void finish(long flowId, String outcome) {
		this.jdbc.sql("update bot_closing_flow set finished_at = ?, outcome = ? where id = ? and finished_at is null")
			.params(now(), outcome, flowId)
			.update();
	}

	private java.sql.Timestamp now() {
		return timestamp(Instant.now(this.clock));
	}

}
