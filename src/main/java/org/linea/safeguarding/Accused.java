package org.linea.safeguarding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.linea.access.Line;
import org.linea.conversation.Conversation;
import org.linea.inbox.Team;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whom a report against staff concerns (IFRC PSEA: never the team of the person accused): the team the
 * conversation was with and the operator it was assigned to, and the line's teams and the
 * organisation's staff the message names (a team by its name or key, a person by their full name or
 * first name). Naming someone by mistake only keeps the case from them, the safe side.
 */
@Component
class Accused {

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	/** The teams and people a case is kept from. */
	record Parties(List<Long> teamIds, List<Long> userIds) {

		static final Parties NONE = new Parties(List.of(), List.of());

	}

	private final JdbcClient jdbc;

	Accused(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param flaggedBy the operator who flagged the case, never counted as accused for holding the conversation
	 */
	Parties of(Line line, Conversation conversation, Category category, String text, Long flaggedBy) {
		if (!category.againstStaff()) {
			return Parties.NONE;
		}
		String words = " " + words(text) + " ";
		Set<Long> teams = new LinkedHashSet<>();
		this.jdbc.sql("select id, team_key, name from inbox_team where line_id = ? and team_key not in (?, ?)")
			.params(line.id(), Team.GENERAL, Team.SAFEGUARDING)
			.query((rs, row) -> {
				long id = rs.getLong(1);
				boolean heldIt = conversation.teamId() != null && conversation.teamId() == id;
				if (heldIt || names(words, rs.getString(2).replace('-', ' ')) || names(words, rs.getString(3))) {
					teams.add(id);
				}
				return id;
			})
			.list();
		Set<Long> people = new LinkedHashSet<>();
		if (conversation.assigneeId() != null && !conversation.assigneeId().equals(flaggedBy)) {
			people.add(conversation.assigneeId());
		}
		this.jdbc.sql("""
				select distinct u.id, u.display_name from admin_user u join admin_membership m on m.user_id = u.id
				where m.organisation_id = ?
				""").param(line.organisationId()).query((rs, row) -> {
			String name = words(rs.getString(2));
			String first = name.contains(" ") ? name.substring(0, name.indexOf(' ')) : name;
			if (names(words, name) || (first.length() >= 3 && names(words, first))) {
				people.add(rs.getLong(1));
			}
			return name;
		}).list();
		return new Parties(new ArrayList<>(teams), new ArrayList<>(people));
	}

	private static boolean names(String words, String name) {
		String folded = words(name);
		return !folded.isEmpty() && words.contains(" " + folded + " ");
	}

	private static String words(String text) {
		return text == null ? "" : String.join(" ", NOT_WORD.split(SafeguardingText.fold(text))).strip();
	}

}
