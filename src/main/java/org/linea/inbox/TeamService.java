package org.linea.inbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.linea.access.LineCreated;
import org.linea.access.UserService;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams and their members. Every line starts with a general, a health and a psychosocial-support
 * team, and a restricted safeguarding team.
 */
@Service
public class TeamService {

	private static final String SELECT = "select id, line_id, team_key as key, name, auto_assign, restricted from inbox_team";

	private final JdbcClient jdbc;

	private final UserService users;

	private final InboxState state;

	TeamService(JdbcClient jdbc, UserService users, InboxState state) {
		this.jdbc = jdbc;
		this.users = users;
		this.state = state;
	}

	@EventListener
	@Transactional
	void createDefaultTeams(LineCreated created) {
		create(created.lineId(), Team.GENERAL, "General");
		create(created.lineId(), Team.HEALTH, "Salud / Health");
		create(created.lineId(), Team.PSS, "Apoyo psicosocial / PSS");
		setRestricted(create(created.lineId(), Team.SAFEGUARDING, "Protección / Safeguarding").id(), true);
	}

	@Transactional
	public Team create(long lineId, String key, String name) {
		if (key == null || !key.matches("[a-z0-9][a-z0-9-]{1,39}")) {
			throw new InvalidRequestException("error.inbox.team-key-uses-lowercase");
		}
		if (name == null || name.isBlank()) {
			throw new InvalidRequestException("error.inbox.team-name");
		}
		try {
			long id = this.jdbc.sql("insert into inbox_team (line_id, team_key, name) values (?, ?, ?) returning id")
				.params(lineId, key, name.strip())
				.query(Long.class)
				.single();
			return get(id);
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidRequestException("error.inbox.line-already-team", key);
		}
	}

	@Transactional(readOnly = true)
	public Team get(long id) {
		return this.jdbc.sql(SELECT + " where id = ?").param(id).query(Team.class).optional()
			.orElseThrow(() -> new NotFoundException("error.missing.team", id));
	}

	@Transactional(readOnly = true)
	public List<Team> teamsOf(long lineId) {
		return this.jdbc.sql(SELECT + " where line_id = ? order by id").param(lineId).query(Team.class).list();
	}

	@Transactional(readOnly = true)
	public Optional<Team> find(long lineId, String key) {
		return this.jdbc.sql(SELECT + " where line_id = ? and team_key = ?").params(lineId, key).query(Team.class).optional();
	}

	/** The line's general queue, where conversations go unless sent elsewhere. */
	@Transactional(readOnly = true)
	public Team general(long lineId) {
		return find(lineId, Team.GENERAL).orElseThrow(() -> new NotFoundException("error.missing.general-team", lineId));
	}

	@Transactional
	public void setAutoAssign(long teamId, boolean on) {
		this.jdbc.sql("update inbox_team set auto_assign = ? where id = ?").params(on, teamId).update();
	}

	@Transactional
	public void setRestricted(long teamId, boolean restricted) {
		this.jdbc.sql("update inbox_team set restricted = ? where id = ?").params(restricted, teamId).update();
	}

	@Transactional(readOnly = true)
	public boolean isMember(long teamId, long userId) {
		return this.jdbc.sql("select exists (select 1 from inbox_team_member where team_id = ? and user_id = ?)")
			.params(teamId, userId)
			.query(Boolean.class)
			.single();
	}

	@Transactional
	public void addMember(long teamId, long userId, int maxOpen) {
		if (maxOpen < 1 || maxOpen > 100) {
			throw new InvalidRequestException("error.inbox.member-holds-between-1");
		}
		this.jdbc.sql("""
				insert into inbox_team_member (team_id, user_id, max_open) values (?, ?, ?)
				on conflict (team_id, user_id) do update set max_open = excluded.max_open
				""").params(teamId, userId, maxOpen).update();
	}

	@Transactional
	public void removeMember(long teamId, long userId) {
		this.jdbc.sql("delete from inbox_team_member where team_id = ? and user_id = ?").params(teamId, userId).update();
	}

	@Transactional(readOnly = true)
	List<TeamMember> members(long teamId) {
		List<long[]> rows = this.jdbc.sql("""
				select m.user_id, m.max_open, coalesce(a.status = 'ONLINE', false) as online
				from inbox_team_member m left join inbox_availability a on a.user_id = m.user_id
				where m.team_id = ? order by m.user_id
				""").param(teamId).query((rs, n) -> new long[] { rs.getLong(1), rs.getInt(2), rs.getBoolean(3) ? 1 : 0 }).list();
		List<Long> ids = rows.stream().map(r -> r[0]).toList();
		Map<Long, String> names = this.users.displayNames(ids);
		Map<Long, Integer> open = this.state.openCountByAssignee(ids);
		return rows.stream()
			.map(r -> new TeamMember(r[0], names.get(r[0]), (int) r[1], r[2] == 1, open.getOrDefault(r[0], 0)))
			.toList();
	}

}
