package org.linea.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.linea.access.CurrentUser;
import org.linea.feedback.LocalCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The "decisions taken" of each organisation's weeks, as the coordinators wrote them (one decision a
 * line), and the follow-up each decision of a week was given the week after.
 */
@Component
class ReportDecisions {

	/** A follow-up as kept: its status and the coordinator's note. */
	record Kept(FollowUpStatus status, String note) {
	}

	private final JdbcClient jdbc;

	ReportDecisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String of(long organisationId, LocalDate weekStart) {
		return this.jdbc.sql("select decisions from report_weekly_decision where organisation_id = ? and week_start = ?")
			.params(organisationId, weekStart)
			.query(String.class)
			.optional()
			.orElse("");
	}

	void save(long organisationId, LocalDate weekStart, String decisions) {
		this.jdbc.sql("""
				insert into report_weekly_decision (organisation_id, week_start, decisions, updated_by) values (?, ?, ?, ?)
				on conflict (organisation_id, week_start) do update set decisions = excluded.decisions,
				    updated_by = excluded.updated_by, updated_at = now()
				""").params(organisationId, LocalCalendar.weekStart(weekStart), decisions == null ? "" : decisions.strip(),
				CurrentUser.require().id()).update();
	}

	/** The decisions of a week, one a line (list marks dropped), each with its follow-up (PENDING until given). */
	Map<String, Kept> followUps(long organisationId, LocalDate decisionWeek) {
		Map<String, Kept> followUps = new LinkedHashMap<>();
		for (String decision : decisions(of(organisationId, decisionWeek))) {
			followUps.put(decision, new Kept(FollowUpStatus.PENDING, ""));
		}
		this.jdbc.sql("""
				select decision, status, note from report_decision_follow_up where organisation_id = ? and decision_week = ?
				""").params(organisationId, decisionWeek).query((rs, n) -> {
			if (followUps.containsKey(rs.getString(1))) {
				followUps.put(rs.getString(1), new Kept(FollowUpStatus.valueOf(rs.getString(2)), rs.getString(3)));
			}
			return null;
		}).list();
		return followUps;
	}

	/** Records how a decision of that week was followed up; a decision the week does not hold is refused. */
	boolean followUp(long organisationId, LocalDate decisionWeek, String decision, FollowUpStatus status, String note) {
		LocalDate week = LocalCalendar.weekStart(decisionWeek);
		if (decision == null || !decisions(of(organisationId, week)).contains(decision.strip())) {
			return false;
		}
		this.jdbc.sql("""
				insert into report_decision_follow_up (organisation_id, decision_week, decision, status, note, updated_by)
				values (?, ?, ?, ?, ?, ?)
				on conflict (organisation_id, decision_week, decision) do update set status = excluded.status,
				    note = excluded.note, updated_by = excluded.updated_by, updated_at = now()
				""").params(organisationId, week, decision.strip(), status.name(), note == null ? "" : note.strip(),
				CurrentUser.require().id()).update();
		return true;
	}

	static List<String> decisions(String text) {
		List<String> decisions = new ArrayList<>();
		for (String line : text.split("\\R")) {
			String decision = line.replaceFirst("^\\s*([-*•]|\\d+[.)])\\s*", "").strip();
			if (!decision.isEmpty() && !decisions.contains(decision)) {
				decisions.add(decision);
			}
		}
		return decisions;
	}

}
