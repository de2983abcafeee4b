package org.linea.feedback.rumour;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.linea.access.ConversationContent;
import org.linea.access.Permission;
import org.linea.access.Access;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.LineaUser;
import org.linea.contact.ContactService;
import org.linea.contact.Demographic;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationMessage;
import org.linea.conversation.ConversationService;
import org.linea.knowledge.KnowledgeEntry;
import org.linea.knowledge.TextSimilarity;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * Rumours: staff flag a person's message or a whole interaction; each flag joins the organisation's
 * open group whose reports it is most alike ({@link TextSimilarity}), or starts a new group. Coordinators
 * verify, choose a validated counter-message and send it back to the people who raised the rumour
 * ({@link CounterMessages}). {@link RumourBoard} is the reading side.
 */
@Service
public class RumourService {

	private static final int TITLE_LENGTH = 120;

	private static final int FLAG_LOCK = "feedback_rumour".hashCode();

	private final JdbcClient jdbc;

	private final RumourAccess access;

	private final LineService lines;

	private final ConversationService conversations;

	private final ContactService contacts;

	private final CounterMessages counterMessages;

	private final Clock clock;

	private final ConversationContent content;

	RumourService(JdbcClient jdbc, RumourAccess access, LineService lines, ConversationService conversations,
			ContactService contacts, CounterMessages counterMessages, Clock clock,
			ConversationContent content) {
		this.content = content;
		this.jdbc = jdbc;
		this.access = access;
		this.lines = lines;
		this.conversations = conversations;
		this.contacts = contacts;
		this.counterMessages = counterMessages;
		this.clock = clock;
	}

	/**
	 * Flags a person's message, or with {@code messageId} null the whole interaction, as a rumour and
	 * returns the group it joined. Flagging the same thing twice changes nothing.
	 */
	@Transactional
	public long flag(long conversationId, Long messageId) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.lines.get(conversation.lineId());
		LineaUser me = Access.require(line.organisationId(), Permission.RUMOUR_FLAG, "error.missing.conversation", conversationId);
		this.content.require(conversationId);
		String text = said(conversationId, messageId);
		// one flag at a time per organisation, so two alike flags never start two groups nor one flag count twice
		this.jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(FLAG_LOCK, (int) line.organisationId()).query().singleRow();
		Optional<Long> flagged = this.jdbc.sql("""
				select rumour_id from feedback_rumour_report where conversation_id = ? and coalesce(message_id, 0) = ?
				""").params(conversationId, messageId == null ? 0 : messageId).query(Long.class).optional();
		if (flagged.isPresent()) {
			return flagged.get();
		}
		long rumourId = alikeGroup(line.organisationId(), text, conversation.language())
			.orElseGet(() -> newGroup(line.organisationId(), me.id()));
		String location = this.contacts.consentedDemographics(conversation.contactId(), conversationId).get(Demographic.LOCATION);
		this.jdbc.sql("""
				insert into feedback_rumour_report (rumour_id, line_id, conversation_id, message_id, contact_id, language, text,
				    location, flagged_by, flagged_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""").params(rumourId, line.id(), conversationId, messageId, conversation.contactId(), conversation.language(), text,
				location, me.id(), now()).update();
		this.jdbc.sql("update feedback_rumour set updated_at = ? where id = ?").params(now(), rumourId).update();
		return rumourId;
	}

	/** Moves the group in its lifecycle; ANSWERED needs a counter-message first. */
	@Transactional
	public void changeStatus(long rumourId, RumourStatus status) {
		LineaUser me = this.access.require(rumourId, Permission.RUMOUR_EDIT);
		Locked rumour = lock(rumourId);
		if (status == null || !rumour.status().canMoveTo(status)) {
			throw new InvalidRequestException("error.feedback.rumour-become", rumour.status(), status);
		}
		if (status == RumourStatus.ANSWERED && rumour.counterEntryKey() == null) {
			throw new InvalidRequestException("error.feedback.choose-counter-message-before");
		}
		this.jdbc.sql("update feedback_rumour set status = ?, updated_at = ? where id = ?").params(status.name(), now(), rumourId).update();
		recordStatus(rumourId, status, me.id());
	}

	/**
	 * Names the group in the coordinators' neutral words. A group has no name until then (it is shown
	 * by number): what a person wrote never names it, so it stays off the dashboard and the reports.
	 */
	@Transactional
	public void retitle(long rumourId, String title) {
		this.access.require(rumourId, Permission.RUMOUR_EDIT);
		String clean = title == null ? "" : title.strip().replaceAll("\\s+", " ");
		if (clean.isEmpty() || clean.length() > TITLE_LENGTH) {
			throw new InvalidRequestException("error.feedback.rumour-name-1-characters", TITLE_LENGTH);
		}
		this.jdbc.sql("update feedback_rumour set title = ?, updated_at = ? where id = ?").params(clean, now(), rumourId).update();
	}

	/** Chooses the validated knowledge-bank entry, by its key, that answers the rumour on its lines. */
	@Transactional
	public void chooseCounterMessage(long rumourId, String entryKey) {
		this.access.require(rumourId, Permission.RUMOUR_EDIT);
		lock(rumourId);
		String wanted = entryKey == null ? "" : entryKey.strip();
		String key = this.counterMessages.candidates(this.access.lineIdsOf(rumourId)).stream()
			.map(KnowledgeEntry::key)
			.filter(wanted::equalsIgnoreCase)
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException("error.feedback.validated-entry-lines-rumour", wanted));
		this.jdbc.sql("update feedback_rumour set counter_entry_key = ?, updated_at = ? where id = ?").params(key, now(), rumourId)
			.update();
	}

	/**
	 * Sends the counter-message to everyone who raised the rumour and has not had it yet: as text inside
	 * the reply window, outside it by the line's approved template of this name.
	 */
	@Transactional
	public Map<CounterMessageOutcome, Integer> closeTheLoop(long rumourId, String templateName) {
		LineaUser me = this.access.require(rumourId, Permission.RUMOUR_EDIT);
		Locked rumour = lock(rumourId);
		if (rumour.status() != RumourStatus.ANSWERED) {
			throw new InvalidRequestException("error.feedback.only-answered-rumour-counter");
		}
		return this.counterMessages.send(rumourId, rumour.counterEntryKey(), templateName, me.id());
	}

	private String said(long conversationId, Long messageId) {
		List<ConversationMessage> fromPerson = this.conversations.messages(conversationId).stream()
			.filter(m -> "IN".equals(m.direction()) && m.body() != null && !m.body().isBlank())
			.filter(m -> messageId == null || m.id() == messageId)
			.toList();
		if (fromPerson.isEmpty()) {
			throw messageId == null ? new InvalidRequestException("error.feedback.person-written-nothing-flag")
					: new NotFoundException("error.missing.message", messageId);
		}
		return fromPerson.stream().map(ConversationMessage::body).collect(Collectors.joining("\n"));
	}

	/** The open group whose most alike report is alike enough, if any. */
	private Optional<Long> alikeGroup(long organisationId, String text, String language) {
		Set<String> terms = TextSimilarity.terms(text, language);
		if (terms.isEmpty()) {
			// a report with no words to compare (emoji only) starts its own group
			return Optional.empty();
		}
		Map<Long, Double> best = new HashMap<>();
		this.jdbc.sql("""
				select p.rumour_id, p.text, p.language from feedback_rumour_report p join feedback_rumour r on r.id = p.rumour_id
				where r.organisation_id = ? and r.status <> 'CLOSED' and p.text is not null
				""").param(organisationId).query((rs, n) -> best.merge(rs.getLong(1),
				TextSimilarity.of(terms, TextSimilarity.terms(rs.getString(2), rs.getString(3))), Math::max)).list();
		return best.entrySet().stream().filter(e -> e.getValue() >= TextSimilarity.ALIKE)
			.max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
	}

	private long newGroup(long organisationId, long userId) {
		long id = this.jdbc.sql("insert into feedback_rumour (organisation_id, created_at, updated_at) values (?, ?, ?) returning id")
			.params(organisationId, now(), now())
			.query(Long.class).single();
		recordStatus(id, RumourStatus.NEW, userId);
		return id;
	}

	private Locked lock(long rumourId) {
		return this.jdbc.sql("select status, counter_entry_key from feedback_rumour where id = ? for update").param(rumourId)
			.query((rs, n) -> new Locked(RumourStatus.valueOf(rs.getString(1)), rs.getString(2))).single();
	}

	private void recordStatus(long rumourId, RumourStatus status, long userId) {
		this.jdbc.sql("insert into feedback_rumour_status_change (rumour_id, status, changed_by, changed_at) values (?, ?, ?, ?)")
			.params(rumourId, status.name(), userId, now()).update();
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(this.clock));
	}

	private record Locked(RumourStatus status, String counterEntryKey) {
	}

}
