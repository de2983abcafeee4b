package org.linea.feedback.rumour;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.channel.ChannelService;
import org.linea.channel.MessageTemplate;
import org.linea.contact.Contact;
import org.linea.contact.ContactService;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationService;
import org.linea.conversation.SenderKind;
import org.linea.knowledge.AnswerMessages;
import org.linea.knowledge.AnswerMessages.AnswerMessage;
import org.linea.knowledge.KnowledgeEntry;
import org.linea.knowledge.KnowledgeService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a rumour's counter-message back to each person who raised it, once, in the person's language
 * in the conversation they raised it in (the latest, if several), and records what each got:
 * the text inside the reply window, an approved template outside it, or why nothing was sent (opted
 * out, no template, no answer on their line).
 */
@Component
class CounterMessages {

	private static final int MAX_PARAMETER = 1024;

	private final JdbcClient jdbc;

	private final LineService lines;

	private final ContactService contacts;

	private final ConversationService conversations;

	private final ChannelService channels;

	private final KnowledgeService knowledge;

	private final AnswerMessages answers;

	CounterMessages(JdbcClient jdbc, LineService lines, ContactService contacts, ConversationService conversations,
			ChannelService channels, KnowledgeService knowledge, AnswerMessages answers) {
		this.answers = answers;
		this.jdbc = jdbc;
		this.lines = lines;
		this.contacts = contacts;
		this.conversations = conversations;
		this.channels = channels;
		this.knowledge = knowledge;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	/** How many people got each outcome. */
	Map<CounterMessageOutcome, Integer> send(long rumourId, String entryKey, String templateName, long userId) {
		Map<CounterMessageOutcome, Integer> counts = new EnumMap<>(CounterMessageOutcome.class);
		List<Raiser> raisers = this.jdbc.sql("""
				select distinct on (contact_id) contact_id, line_id, conversation_id from feedback_rumour_report p
				where rumour_id = ? and not exists (select 1 from feedback_rumour_delivery d where d.rumour_id = p.rumour_id
				    and d.contact_id = p.contact_id and d.outcome in ('TEXT', 'TEMPLATE'))
				order by contact_id, flagged_at desc
				""").param(rumourId).query(Raiser.class).list();
		for (Raiser raiser : raisers) {
			Line line = this.lines.get(raiser.lineId());
			// into the conversation they raised it in: an answer there does not end the wait of a newer question
			Conversation conversation = this.conversations.get(raiser.conversationId());
			String language = conversation.language();
			Delivered delivered = deliver(line, this.contacts.get(raiser.contactId()), conversation, entryKey, templateName, userId);
			this.jdbc.sql("""
					insert into feedback_rumour_delivery (rumour_id, contact_id, line_id, message_id, outcome, entry_key, language, sent_by)
					values (?, ?, ?, ?, ?, ?, ?, ?)
					""").params(rumourId, raiser.contactId(), line.id(), delivered.messageId(), delivered.outcome().name(), entryKey,
					language, userId).update();
			counts.merge(delivered.outcome(), 1, Integer::sum);
		}
		return counts;
	}

	/** The validated knowledge-bank entries of these lines that may answer a rumour, each key once (its first line's). */
	List<KnowledgeEntry> candidates(List<Long> lineIds) {
		Map<String, KnowledgeEntry> byKey = new LinkedHashMap<>();
		lineIds.forEach(id -> this.knowledge.validated(id).forEach(entry -> byKey.putIfAbsent(entry.key(), entry)));
		return List.copyOf(byKey.values());
	}

	List<String> templateNames(List<Long> lineIds) {
		return lineIds.stream().flatMap(id -> this.channels.templates(this.lines.get(id)).stream()).map(MessageTemplate::name)
			.distinct().sorted().toList();
	}

	private Delivered deliver(Line line, Contact contact, Conversation conversation, String entryKey, String templateName,
			long userId) {
		if (contact.optedOut()) {
			return new Delivered(CounterMessageOutcome.OPTED_OUT, null);
		}
		boolean sms = this.channels.facts(line).sms();
		Optional<AnswerMessage> answer = this.knowledge.validated(line.id()).stream()
			.filter(entry -> entry.key().equalsIgnoreCase(entryKey))
			.findFirst()
			.flatMap(entry -> this.answers.message(line, entry.content(), conversation.language(), sms));
		if (answer.isEmpty()) {
			return new Delivered(CounterMessageOutcome.NO_ANSWER, null);
		}
		String text = answer.get().text();
		if (this.channels.replyWindow(line, contact.id()).open()) {
			return new Delivered(CounterMessageOutcome.TEXT, this.conversations.send(conversation, SenderKind.OPERATOR, userId, text));
		}
		Optional<MessageTemplate> template = template(line, templateName, conversation.language());
		if (template.isEmpty()) {
			return new Delivered(CounterMessageOutcome.NO_TEMPLATE, null);
		}
		return new Delivered(CounterMessageOutcome.TEMPLATE, this.conversations.send(conversation, SenderKind.OPERATOR, userId,
				template.get().with(template.get().parameterCount() == 0 ? List.of() : List.of(parameter(text)))));
	}

	/**
	 * The line's template of this name in the person's language, else in another; only templates with
	 * no placeholder, or one that takes the counter-message.
	 */
	private Optional<MessageTemplate> template(Line line, String name, String language) {
		return this.channels.templates(line).stream()
			.filter(t -> t.name().equals(name) && t.parameterCount() <= 1)
			.min(Comparator.comparing((MessageTemplate t) -> !t.language().startsWith(language))
				.thenComparing(t -> !t.language().startsWith(line.defaultLanguage())));
	}

	/** WhatsApp takes at most 1,024 characters in a template parameter. */
	private static String parameter(String text) {
		return text.length() <= MAX_PARAMETER ? text : text.substring(0, MAX_PARAMETER - 1) + "…";
	}

	private record Raiser(long contactId, long lineId, long conversationId) {
	}

	private record Delivered(CounterMessageOutcome outcome, Long messageId) {
	}

}
