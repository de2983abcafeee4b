package org.linea.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.linea.conversation.ConversationEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.linea.shared.db.Rows.timestamp;

/**
 * The inbox's part of a conversation: who holds it, which team's queue it waits in, its traffic-light
 * colour and tags. Kept on the conversation's row, written only here; the conversation module keeps
 * its messages and whether it is open. Changes that can race (two operators claiming at once) are
 * conditional updates, and each publishes its event in the changing transaction.
 */
@Service
public class InboxState {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InboxState(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Gives a queued conversation to this operator. Atomic: of two operators claiming at once, exactly
	 * one wins; returns false to the other.
	 */
	@Transactional
	public boolean claim(long conversationId, long userId) {
		Optional<Long> lineId = this.jdbc.sql("""
				update conversation_conversation set state = 'ASSIGNED', assignee_id = ?, assigned_at = ?
				where id = ? and state in ('BOT', 'QUEUED') returning line_id
				""").params(userId, now(), conversationId).query(Long.class).optional();
		lineId.ifPresent(line -> publish(new ConversationClaimed(conversationId, line, userId)));
		return lineId.isPresent();
	}

	/**
	 * Gives an open conversation to this user whoever held it (an assignment by a colleague or a
	 * coordinator, or a confirmed take-over).
	 */
	@Transactional
	public boolean assignTo(long conversationId, long userId) {
		Optional<Long> lineId = this.jdbc.sql("""
				update conversation_conversation set state = 'ASSIGNED', assignee_id = ?, assigned_at = ?
				where id = ? and state <> 'CLOSED' returning line_id
				""").params(userId, now(), conversationId).query(Long.class).optional();
		lineId.ifPresent(line -> publish(new ConversationAssigned(conversationId, line, userId)));
		return lineId.isPresent();
	}

	/**
	 * Moves an open conversation to another team's queue; nobody holds it until a member takes it.
	 * @param escalation whether this is an escalation to specialists (kept for reporting)
	 */
	@Transactional
	public boolean moveToTeam(long conversationId, long teamId, boolean escalation) {
		Optional<Long> lineId = this.jdbc.sql("""
				update conversation_conversation
				set team_id = ?, state = 'QUEUED', assignee_id = null, assigned_at = null, queued_at = ?,
				    escalated_at = case when ? then coalesce(escalated_at, ?) else escalated_at end
				where id = ? and state <> 'CLOSED' returning line_id
				""").params(teamId, now(), escalation, now(), conversationId).query(Long.class).optional();
		lineId.ifPresent(line -> publish(new ConversationMoved(conversationId, line, teamId, escalation)));
		return lineId.isPresent();
	}

	/** Puts a conversation that is in no team's queue yet into this team's. */
	@Transactional
	public void placeInTeamIfNone(long conversationId, long teamId) {
		this.jdbc.sql("update conversation_conversation set team_id = ? where id = ? and team_id is null")
			.params(teamId, conversationId)
			.update();
	}

	/** Sets the psychosocial traffic light (GREEN, YELLOW, RED) or clears it with null. */
	@Transactional
	public void triage(long conversationId, String colour) {
		Long lineId = this.jdbc.sql("update conversation_conversation set triage = ? where id = ? returning line_id")
			.params(colour, conversationId)
			.query(Long.class)
			.single();
		publish(new ConversationTriaged(conversationId, lineId, colour));
	}

	@Transactional
	public void tag(long conversationId, List<String> tags) {
		Long lineId = this.jdbc.sql("update conversation_conversation set tags = ?::text[] where id = ? returning line_id")
			.params(tags.toArray(String[]::new), conversationId)
			.query(Long.class)
			.single();
		publish(new ConversationTagged(conversationId, lineId));
	}

	/** Open conversations each of these users holds. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> openCountByAssignee(Collection<Long> userIds) {
		Map<Long, Integer> counts = new HashMap<>();
		if (userIds.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				select assignee_id, count(*) from conversation_conversation
				where state = 'ASSIGNED' and assignee_id = any(?) group by assignee_id
				""").param(userIds.toArray(Long[]::new)).query((rs, row) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
		return counts;
	}

	/** Queued conversations of a team nobody holds, longest waiting first. */
	@Transactional(readOnly = true)
	public List<Long> unassignedInTeam(long teamId, int limit) {
		return this.jdbc.sql("""
				select id from conversation_conversation where team_id = ? and state = 'QUEUED'
				order by waiting_since asc nulls last, id limit ?
				""").params(teamId, limit).query(Long.class).list();
	}

	/** Puts a conversation the operator holds back in the queue. */
	@Transactional
	public boolean release(long conversationId, long userId) {
		Optional<Long> lineId = this.jdbc.sql("""
				update conversation_conversation set state = 'QUEUED', assignee_id = null, assigned_at = null
				where id = ? and state = 'ASSIGNED' and assignee_id = ? returning line_id
				""").params(conversationId, userId).query(Long.class).optional();
		lineId.ifPresent(line -> publish(new ConversationReleased(conversationId, line)));
		return lineId.isPresent();
	}

	private void publish(ConversationEvent event) {
		this.events.publishEvent(event);
	}

	private Timestamp now() {
		return timestamp(Instant.now(this.clock));
	}

}
