package org.linea.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.linea.access.Line;
import org.linea.channel.ChannelService;
import org.linea.channel.DeliveryInDoubt;
import org.linea.channel.DeliveryStatus;
import org.linea.channel.MessageStatusChanged;
import org.linea.channel.OutboundContent;
import org.linea.channel.OutboundMessage;
import org.linea.channel.PendingInbound;
import org.linea.contact.Contact;
import org.linea.shared.NotFoundException;
import org.linea.shared.events.InPublisherTransaction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.linea.shared.db.Rows.instant;
import static org.linea.shared.db.Rows.nullableLong;
import static org.linea.shared.db.Rows.timestamp;

/**
 * Conversations and their messages. Every change publishes {@link ConversationEvent} in its
 * transaction; state changes that can race (claim, close) are conditional updates.
 */
@Service
public class ConversationService {

	private static final String SELECT = """
			select id, line_id, contact_id, contact_code, state, language, assignee_id, team_id, triage, tags, opened_at,
			       waiting_since, last_inbound_at, last_message_at, first_response_at, escalated_at, closed_at
			from conversation_conversation
			""";

	private final JdbcClient jdbc;

	private final ChannelService channels;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final InPublisherTransaction reactions;

	ConversationService(JdbcClient jdbc, ChannelService channels, ApplicationEventPublisher events, Clock clock,
			InPublisherTransaction reactions) {
		this.jdbc = jdbc;
		this.channels = channels;
		this.events = events;
		this.clock = clock;
		this.reactions = reactions;
	}

	@Transactional(readOnly = true)
	public List<Long> conversationsWithMedia(String mediaRef) {
		return this.jdbc.sql("select distinct conversation_id from conversation_message where media_ref = ?").param(mediaRef)
			.query(Long.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Conversation get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("error.missing.conversation", id));
	}

	@Transactional(readOnly = true)
	public Optional<Conversation> find(long id) {
		return this.jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional();
	}

	/** The contact's interactions before this one, latest first (at most {@code limit}). */
	@Transactional(readOnly = true)
	public List<Conversation> earlierOf(Conversation conversation, int limit) {
		return this.jdbc.sql(SELECT + " where contact_id = ? and id < ? order by id desc limit ?")
			.params(conversation.contactId(), conversation.id(), limit)
			.query(this::map)
			.list();
	}

	/** How many interactions the contact had before this one. */
	@Transactional(readOnly = true)
	public int earlierCount(Conversation conversation) {
		return this.jdbc.sql("select count(*) from conversation_conversation where contact_id = ? and id < ?")
			.params(conversation.contactId(), conversation.id())
			.query(Integer.class)
			.single();
	}

	/** Open conversations matching the filter, longest waiting first, then the latest. */
	@Transactional(readOnly = true)
	public List<Conversation> waitingForPeople(QueueFilter filter) {
		StringBuilder where = new StringBuilder(" where line_id = any(?) and state <> 'CLOSED' and state = any(?)");
		List<Object> params = new ArrayList<>();
		params.add(filter.lineIds().toArray(Long[]::new));
		params.add(filter.states().stream().filter(s -> s != ConversationState.CLOSED).map(Enum::name).toArray(String[]::new));
		if (filter.teamId() != null) {
			where.append(" and team_id = ?");
			params.add(filter.teamId());
		}
		if (filter.assigneeId() != null) {
			where.append(" and assignee_id = ?");
			params.add(filter.assigneeId());
		}
		if (filter.unassignedOnly()) {
			where.append(" and assignee_id is null");
		}
		if (filter.code() != null && !filter.code().isBlank()) {
			where.append(" and contact_code like ?");
			params.add(filter.code().strip().toUpperCase(Locale.ROOT).replace("%", "") + "%");
		}
		if (filter.tag() != null && !filter.tag().isBlank()) {
			where.append(" and ? = any(tags)");
			params.add(filter.tag().strip().toLowerCase(Locale.ROOT));
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			where.append(" and exists (select 1 from conversation_message m where m.conversation_id = conversation_conversation.id"
					+ " and m.body ilike ?)");
			params.add("%" + filter.text().strip().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		params.add(filter.limit());
		return this.jdbc.sql(SELECT + where + " order by waiting_since asc nulls last, last_message_at desc limit ?")
			.params(params)
			.query(this::map)
			.list();
	}

	/** How many of the person's messages came after the given message, per conversation. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> inboundAfter(Map<Long, Long> lastReadByConversation) {
		if (lastReadByConversation.isEmpty()) {
			return Map.of();
		}
		Long[] ids = lastReadByConversation.keySet().toArray(Long[]::new);
		Long[] after = Arrays.stream(ids).map(lastReadByConversation::get).toArray(Long[]::new);
		Map<Long, Integer> counts = new HashMap<>();
		this.jdbc.sql("""
				select r.id, count(m.id) from unnest(?::bigint[], ?::bigint[]) as r (id, after)
				join conversation_message m on m.conversation_id = r.id and m.direction = 'IN' and m.id > r.after
				group by r.id
				""").params(ids, after).query((rs, row) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
		return counts;
	}

	/** The contact's open conversation, or a new one with the bot. */
	@Transactional
	public Conversation openFor(Line line, Contact contact) {
		Optional<Conversation> open = this.jdbc.sql(SELECT + " where contact_id = ? and state <> 'CLOSED'")
			.param(contact.id())
			.query(this::map)
			.optional();
		if (open.isPresent()) {
			return open.get();
		}
		String language = contact.language() != null ? contact.language() : line.defaultLanguage();
		long id = this.jdbc.sql("""
				insert into conversation_conversation (line_id, contact_id, contact_code, state, language, opened_at, last_message_at)
				values (?, ?, ?, 'BOT', ?, ?, ?) returning id
				""")
			.params(line.id(), contact.id(), contact.code(), language, now(), now())
			.query(Long.class)
			.single();
		publish(new ConversationOpened(id, line.id()));
		return get(id).asNew();
	}

	/** The conversation goes on in the language the person writes in (replies, handover, closing questions). */
	@Transactional
	public Conversation speaking(Conversation conversation, String language) {
		if (language == null || language.equals(conversation.language())) {
			return conversation;
		}
		this.jdbc.sql("update conversation_conversation set language = ? where id = ?").params(language, conversation.id()).update();
		return conversation.speaking(language);
	}

	/** Adds what the person sent; the conversation now waits for an answer. */
	@Transactional
	public long recordInbound(Conversation conversation, PendingInbound message) {
		long id = this.jdbc.sql("""
				insert into conversation_message (conversation_id, line_id, direction, sender_kind, body, media_ref, status, created_at)
				values (?, ?, 'IN', 'CONTACT', ?, ?, 'RECEIVED', ?) returning id
				""")
			.params(conversation.id(), conversation.lineId(), message.text(), message.mediaRef(), timestamp(message.receivedAt()))
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				update conversation_conversation
				set waiting_since = case when state = 'CLOSED' then null else coalesce(waiting_since, ?) end,
				    last_inbound_at = ?, last_message_at = ?
				where id = ?
				""").params(timestamp(message.receivedAt()), timestamp(message.receivedAt()), now(), conversation.id()).update();
		publish(new MessageReceived(conversation.id(), conversation.lineId(), id));
		return id;
	}

	/**
	 * Sends a message to the person through the outbox. An answer by the bot or an operator ends the
	 * wait; the first operator answer sets the first-response time.
	 */
	@Transactional
	public long send(Conversation conversation, SenderKind sender, Long authorId, String text) {
		return send(conversation, sender, authorId, OutboundContent.text(text));
	}

	/** Sends rich content (buttons, a list, media, a template); staff see its text. */
	@Transactional
	public long send(Conversation conversation, SenderKind sender, Long authorId, OutboundContent content) {
		long id = this.jdbc.sql("""
				insert into conversation_message (conversation_id, line_id, direction, sender_kind, author_id, body, media_ref, status, created_at)
				values (?, ?, 'OUT', ?, ?, ?, ?, 'QUEUED', ?) returning id
				""")
			.params(conversation.id(), conversation.lineId(), sender.name(), authorId, content.preview(),
					content instanceof OutboundContent.Media media ? media.url() : null, now())
			.query(Long.class)
			.single();
		this.channels.enqueue(new OutboundMessage(id, conversation.lineId(), conversation.contactId(), content));
		this.jdbc.sql("""
				update conversation_conversation
				set waiting_since = null, last_message_at = ?,
				    first_response_at = case when ? then coalesce(first_response_at, ?) else first_response_at end,
				    delivery_doubt_at = case when ? then null else delivery_doubt_at end
				where id = ?
				""").params(now(), sender == SenderKind.OPERATOR, now(), sender == SenderKind.OPERATOR, conversation.id()).update();
		publish(new MessageSent(conversation.id(), conversation.lineId(), id));
		return id;
	}

	/** Hands the conversation to people: it joins a queue (the inbox decides which team's). */
	@Transactional
	public void queue(Conversation conversation) {
		int changed = this.jdbc.sql("""
				update conversation_conversation set state = 'QUEUED', queued_at = ?,
				    waiting_since = coalesce(waiting_since, last_inbound_at)
				where id = ? and state = 'BOT'
				""").params(now(), conversation.id()).update();
		if (changed > 0) {
			publish(new ConversationQueued(conversation.id(), conversation.lineId()));
		}
	}

	/** An internal note: staff see it in the conversation, the person never does. */
	@Transactional
	public long note(Conversation conversation, long authorId, String text) {
		long id = this.jdbc.sql("""
				insert into conversation_message (conversation_id, line_id, direction, sender_kind, author_id, body, status, created_at)
				values (?, ?, 'NOTE', 'OPERATOR', ?, ?, 'RECEIVED', ?) returning id
				""").params(conversation.id(), conversation.lineId(), authorId, text, now()).query(Long.class).single();
		publish(new NoteAdded(conversation.id(), conversation.lineId()));
		return id;
	}

	@Transactional
	public boolean close(long conversationId, Long userId, String reason) {
		Optional<Long> lineId = this.jdbc.sql("""
				update conversation_conversation set state = 'CLOSED', closed_at = ?, closed_by = ?, close_reason = ?,
				    waiting_since = null
				where id = ? and state <> 'CLOSED' returning line_id
				""").params(now(), userId, reason, conversationId).query(Long.class).optional();
		lineId.ifPresent(line -> publish(new ConversationClosed(conversationId, line, reason)));
		return lineId.isPresent();
	}

	@Transactional(readOnly = true)
	public List<ConversationMessage> messages(long conversationId) {
		return this.jdbc.sql("""
				select id, direction, sender_kind, author_id, body, media_ref, status, error_code, created_at
				from conversation_message where conversation_id = ? order by id
				""").param(conversationId).query((rs, row) -> new ConversationMessage(rs.getLong("id"), rs.getString("direction"),
				SenderKind.valueOf(rs.getString("sender_kind")), nullableLong(rs, "author_id"), rs.getString("body"),
				rs.getString("media_ref"), rs.getString("status"), rs.getString("error_code"), instant(rs, "created_at")))
			.list();
	}

	/** These staff notes, by message id, each with its conversation's person code: one query however many. */
	@Transactional(readOnly = true)
	public Map<Long, ConversationNote> notes(Collection<Long> messageIds) {
		if (messageIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				select m.id, m.conversation_id, c.contact_code, m.author_id, m.body
				from conversation_message m join conversation_conversation c on c.id = m.conversation_id
				where m.id = any(?) and m.direction = 'NOTE'
				""").param(messageIds.toArray(Long[]::new))
			.query((rs, row) -> new ConversationNote(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("contact_code"),
					nullableLong(rs, "author_id"), rs.getString("body")))
			.list()
			.stream()
			.collect(Collectors.toMap(ConversationNote::messageId, Function.identity()));
	}

	/**
	 * A reply may not have reached the person and will not be sent again: the conversation is marked
	 * and, if the bot had it, handed to people, so that someone looks instead of the person waiting
	 * unseen. An operator's next message clears the mark. In a savepoint of the outbox's transaction
	 * (see {@link #statusChanged}).
	 */
	@EventListener
	void deliveryInDoubt(DeliveryInDoubt event) {
		this.reactions.react("conversation.deliveryInDoubt", event.messageId(), () -> markInDoubt(event));
	}

	private void markInDoubt(DeliveryInDoubt event) {
		Optional<Conversation> conversation = this.jdbc.sql(SELECT + """
				 where id = (select conversation_id from conversation_message where id = ?) for update
				""").param(event.messageId()).query(this::map).optional();
		if (conversation.isEmpty()) {
			return;
		}
		Conversation c = conversation.get();
		this.jdbc.sql("""
				update conversation_conversation set delivery_doubt_at = coalesce(delivery_doubt_at, ?),
				    waiting_since = case when state = 'CLOSED' then waiting_since else coalesce(waiting_since, last_inbound_at, ?) end
				where id = ?
				""").params(timestamp(event.at()), timestamp(event.at()), c.id()).update();
		if (c.state() == ConversationState.BOT) {
			queue(c);
		}
		else {
			publish(new DeliveryStatusRecorded(c.id(), c.lineId()));
		}
	}

	/** Of these conversations, those with a reply that may not have arrived. */
	@Transactional(readOnly = true)
	public Set<Long> withDeliveryInDoubt(Collection<Long> conversationIds) {
		if (conversationIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc.sql("""
				select id from conversation_conversation where id = any(?) and delivery_doubt_at is not null
				""").param(conversationIds.toArray(Long[]::new)).query(Long.class).list());
	}

	/**
	 * Statuses only move forward, whatever order the provider's reports arrive in. Inside the outbox's
	 * transaction, on its connection: after its commit, a reaction in a transaction of its own needs a
	 * second connection while the first is still held, and the outbox's parallel senders then exhaust
	 * the pool (seen in bench/broadcast.sh at 1,000/s). In a savepoint: a failure here is undone and
	 * logged, and the outbox's own bookkeeping commits.
	 */
	@EventListener(condition = "!#root.args[0].bulk()")
	void statusChanged(MessageStatusChanged event) {
		this.reactions.react("conversation.statusChanged", event.messageId(), () -> recordStatus(event));
	}

	private void recordStatus(MessageStatusChanged event) {
		Optional<String[]> current = this.jdbc.sql("select status, error_code from conversation_message where id = ? for update")
			.param(event.messageId())
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
		if (current.isEmpty()) {
			return;
		}
		// given up on as unconfirmed, then the provider's late report proves it went: it did arrive after all
		boolean unconfirmedProven = "LINEA_UNCONFIRMED".equals(current.get()[1]) && event.status() != DeliveryStatus.FAILED;
		if (!unconfirmedProven && !DeliveryStatus.valueOf(current.get()[0]).canMoveTo(event.status())) {
			return;
		}
		String column = switch (event.status()) {
			case SENT -> "sent_at";
			case DELIVERED -> "delivered_at";
			case READ -> "read_at";
			case FAILED -> "failed_at";
			case QUEUED -> "created_at";
		};
		Long conversationId = this.jdbc.sql("update conversation_message set status = ?, error_code = ?, " + column
				+ " = coalesce(" + column + ", ?) where id = ? returning conversation_id")
			.params(event.status().name(), event.errorCode(), timestamp(event.at()), event.messageId())
			.query(Long.class)
			.single();
		if (unconfirmedProven) {
			this.jdbc.sql("update conversation_conversation set delivery_doubt_at = null where id = ?").param(conversationId).update();
		}
		publish(new DeliveryStatusRecorded(conversationId, event.lineId()));
	}

	private void publish(ConversationEvent event) {
		this.events.publishEvent(event);
	}

	private java.sql.Timestamp now() {
		return timestamp(Instant.now(this.clock));
	}

	private Conversation map(ResultSet rs, int row) throws SQLException {
		return new Conversation(rs.getLong("id"), rs.getLong("line_id"), rs.getLong("contact_id"), rs.getString("contact_code"),
				ConversationState.valueOf(rs.getString("state")), rs.getString("language"), nullableLong(rs, "assignee_id"),
				nullableLong(rs, "team_id"), rs.getString("triage"), List.of((String[]) rs.getArray("tags").getArray()),
				instant(rs, "opened_at"), instant(rs, "waiting_since"), instant(rs, "last_inbound_at"),
				instant(rs, "last_message_at"), instant(rs, "first_response_at"), instant(rs, "escalated_at"),
				instant(rs, "closed_at"), false);
	}

}
