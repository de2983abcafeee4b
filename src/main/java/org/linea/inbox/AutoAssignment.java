package org.linea.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.linea.conversation.ConversationClosed;
import org.linea.conversation.ConversationQueued;
import org.linea.shared.events.AfterCommit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.linea.shared.db.Rows.instant;

/**
 * Hands waiting conversations of teams with auto-assignment on to their online members, round robin
 * (whoever was given one longest ago goes first), never beyond a member's limit. Runs when a
 * conversation joins or leaves a queue and when someone comes online; the team row is locked so two
 * nodes never assign at once.
 */
@Component
class AutoAssignment {

	private final JdbcClient jdbc;

	private final InboxState state;

	AutoAssignment(JdbcClient jdbc, InboxState state) {
		this.jdbc = jdbc;
		this.state = state;
	}

	@AfterCommit
	void queued(ConversationQueued queued) {
		assignWaitingOnLine(queued.lineId());
	}

	@AfterCommit
	void moved(ConversationMoved moved) {
		assignWaitingOnLine(moved.lineId());
	}

	/** A released or closed conversation frees a place with its operator. */
	@AfterCommit
	void released(ConversationReleased released) {
		assignWaitingOnLine(released.lineId());
	}

	@AfterCommit
	void closed(ConversationClosed closed) {
		assignWaitingOnLine(closed.lineId());
	}

	private void assignWaitingOnLine(long lineId) {
		teamsOfLine(lineId).forEach(this::assignWaiting);
	}

	@Transactional
	void memberCameOnline(long userId) {
		this.jdbc.sql("select team_id from inbox_team_member where user_id = ?").param(userId).query(Long.class).list()
			.forEach(this::assignWaiting);
	}

	private List<Long> teamsOfLine(long lineId) {
		return this.jdbc.sql("select id from inbox_team where line_id = ? and auto_assign").param(lineId).query(Long.class).list();
	}

	/** Assigns as many waiting conversations of the team as its online members can take. Returns how many. */
	@Transactional
	int assignWaiting(long teamId) {
		Boolean on = this.jdbc.sql("select auto_assign from inbox_team where id = ? for update").param(teamId)
			.query(Boolean.class).optional().orElse(false);
		if (!on) {
			return 0;
		}
		List<Candidate> candidates = new ArrayList<>(this.jdbc.sql("""
				select m.user_id, m.max_open, m.last_assigned_at
				from inbox_team_member m join inbox_availability a on a.user_id = m.user_id and a.status = 'ONLINE'
				join admin_user u on u.id = m.user_id and u.enabled
				where m.team_id = ?
				""").param(teamId).query((rs, n) -> new Candidate(rs.getLong(1), rs.getInt(2), instant(rs, "last_assigned_at"))).list());
		if (candidates.isEmpty()) {
			return 0;
		}
		var open = this.state.openCountByAssignee(candidates.stream().map(c -> c.userId).toList());
		candidates.forEach(c -> c.open = open.getOrDefault(c.userId, 0));
		int assigned = 0;
		for (long conversationId : this.state.unassignedInTeam(teamId, 100)) {
			Candidate next = candidates.stream()
				.filter(c -> c.open < c.maxOpen)
				.min(Comparator.comparing((Candidate c) -> c.lastAssignedAt == null ? Instant.EPOCH : c.lastAssignedAt))
				.orElse(null);
			if (next == null) {
				break;
			}
			if (this.state.claim(conversationId, next.userId)) {
				next.open++;
				next.lastAssignedAt = Instant.now();
				this.jdbc.sql("update inbox_team_member set last_assigned_at = now() where team_id = ? and user_id = ?")
					.params(teamId, next.userId).update();
				assigned++;
			}
		}
		return assigned;
	}

	private static final class Candidate {

		final long userId;

		final int maxOpen;

		Instant lastAssignedAt;

		int open;

		Candidate(long userId, int maxOpen, Instant lastAssignedAt) {
			this.userId = userId;
			this.maxOpen = maxOpen;
			this.lastAssignedAt = lastAssignedAt;
		}

	}

}
