package org.linea.inbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.Permission;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationService;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.linea.shared.db.Rows.timestamp;

/** Referrals from a conversation to a specialist or a service, followed until done ({@code inbox_referral}). */
@Service
public class Referrals {

	private static final Set<String> STATUSES = Set.of("PENDING", "BOOKED", "DONE", "CANCELLED");

	private final JdbcClient jdbc;

	private final ConversationService conversations;

	private final InboxAccess access;

	Referrals(JdbcClient jdbc, ConversationService conversations, InboxAccess access) {
		this.jdbc = jdbc;
		this.conversations = conversations;
		this.access = access;
	}

	/**
	 * Records a referral (a specialist appointment, a service) to follow until done; the appointment,
	 * if any, is a time on the clock of the line's time zone.
	 */
	@Transactional
	public void refer(long conversationId, String service, LocalDateTime appointment, String note) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_REPLY);
		if (service == null || service.isBlank() || service.length() > 200) {
			throw new InvalidRequestException("error.inbox.say-which-service-specialist");
		}
		Instant appointmentAt = appointment == null ? null : appointment.atZone(line.timeZone()).toInstant();
		this.jdbc.sql("""
				insert into inbox_referral (conversation_id, line_id, service, appointment_at, status, note, created_by)
				values (?, ?, ?, ?, ?, ?, ?)
				""").params(conversationId, line.id(), service.strip(), timestamp(appointmentAt), appointmentAt == null ? "PENDING" : "BOOKED",
				note == null || note.isBlank() ? null : note.strip(), CurrentUser.require().id()).update();
	}

	@Transactional
	public void updateReferral(long referralId, String status) {
		Long conversationId = this.jdbc.sql("select conversation_id from inbox_referral where id = ?").param(referralId)
			.query(Long.class).optional().orElseThrow(() -> new NotFoundException("error.missing.referral", referralId));
		this.access.requireContent(this.conversations.get(conversationId), Permission.INBOX_REPLY);
		if (!STATUSES.contains(status)) {
			throw new InvalidRequestException("error.inbox.unknown-referral-status");
		}
		this.jdbc.sql("update inbox_referral set status = ?, updated_at = now() where id = ?").params(status, referralId).update();
	}

	/** The conversation's referrals, oldest first; the caller has checked the user may see its content. */
	List<Referral> of(long conversationId) {
		return this.jdbc.sql("""
				select id, conversation_id, service, appointment_at, status, note, created_at from inbox_referral
				where conversation_id = ? order by id
				""").param(conversationId).query(Referral.class).list();
	}

}
