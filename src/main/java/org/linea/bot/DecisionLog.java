package org.linea.bot;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.linea.shared.db.Rows;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every automatic decision on a line, with its score and entry. The text of a message is kept only
 * when the bot could not answer it, for the coordinators' list of questions to add to the bank.
 */
@Repository
class DecisionLog {

	/** Decisions whose question the bank could not answer. */
	static final Set<String> UNANSWERED = Set.of("LOW_CONFIDENCE", "NO_MATCH", "CLOSE_ENTRIES");

	/** An automatic answer marked wrong: its entry and the message it answered. */
	record MarkedWrong(String entryKey, Long inboundMessageId) {
	}

	record Unanswered(long id, long conversationId, String question, String reason, String bestEntry, double score, Instant decidedAt) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DecisionLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void record(long lineId, Long conversationId, Long messageId, String text, BotDecision decision) {
		String question = UNANSWERED.contains(decision.reason()) ? text : null;
		this.jdbc.sql("""
				insert into bot_decision (line_id, conversation_id, inbound_message_id, kind, reason, language, entry_key, score,
				                          candidates, menu, question)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::text[], ?)
				""")
			.params(lineId, conversationId, messageId, decision.kind().name(), decision.reason(), decision.language(),
					decision.entryKey(), decision.score(), this.json.writeValueAsString(decision.candidates()),
					"{" + String.join(",", decision.menu()) + "}", question)
			.update();
	}

	/** The entries of the menu last offered in the conversation, if its latest decision was a menu. */
	Optional<List<String>> openMenu(long conversationId) {
		return this.jdbc.sql("""
				select kind, menu from bot_decision where conversation_id = ? order by id desc limit 1
				""").param(conversationId).query((rs, row) -> {
			if (!rs.getString("kind").equals(DecisionKind.MENU.name())) {
				return Optional.<List<String>>empty();
			}
			return Optional.of(menu(rs));
		}).optional().flatMap(menu -> menu);
	}

	List<Unanswered> unanswered(long lineId, Instant since, int limit) {
		return this.jdbc.sql("""
				select id, conversation_id, question, reason, candidates->0->>'entryKey' as best, score, decided_at
				from bot_decision where line_id = ? and question is not null and decided_at >= ?
				order by decided_at desc limit ?
				""").params(lineId, Rows.timestamp(since), limit).query((rs, row) -> new Unanswered(rs.getLong("id"),
						rs.getLong("conversation_id"), rs.getString("question"), rs.getString("reason"), rs.getString("best"), rs.getDouble("score"),
						Rows.instant(rs, "decided_at"))).list();
	}

	/**
	 * Marks wrong the latest automatic answer in the conversation given before this bot message.
	 * Returns the entry that was answered, if there was such an answer.
	 */
	Optional<MarkedWrong> markWrong(long conversationId, long botMessageId, long userId) {
		return this.jdbc.sql("""
				update bot_decision set marked_wrong_at = now(), marked_wrong_by = ?
				where id = (select id from bot_decision
				            where conversation_id = ? and inbound_message_id < ? and kind = 'ANSWER'
				            order by id desc limit 1)
				returning entry_key, inbound_message_id
				""").params(userId, conversationId, botMessageId).query((rs, row) -> {
			long inbound = rs.getLong(2);
			return new MarkedWrong(rs.getString(1), rs.wasNull() ? null : inbound);
		}).optional();
	}

	/** Of these unanswered decisions, those still holding their question on the line. */
	List<Unanswered> unanswered(long lineId, List<Long> ids) {
		return this.jdbc.sql("""
				select id, conversation_id, question, reason, candidates->0->>'entryKey' as best, score, decided_at
				from bot_decision where line_id = ? and id = any(?::bigint[]) and question is not null
				""").params(lineId, "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}")
			.query((rs, row) -> new Unanswered(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("question"),
					rs.getString("reason"), rs.getString("best"), rs.getDouble("score"), Rows.instant(rs, "decided_at")))
			.list();
	}

	/** The person's message a decision was taken on, or null. */
	Long inboundMessage(long decisionId) {
		return this.jdbc.sql("select inbound_message_id from bot_decision where id = ?").param(decisionId).query(Long.class).optional().orElse(null);
	}

	/** Entries answered wrongly, with how often, for the coordinators' review. */
	List<WrongAnswer> markedWrong(long lineId, Instant since) {
		return this.jdbc.sql("""
				select entry_key, count(*) as times, max(marked_wrong_at) as last
				from bot_decision where line_id = ? and marked_wrong_at >= ?
				group by entry_key order by times desc, entry_key
				""").params(lineId, Rows.timestamp(since))
			.query((rs, row) -> new WrongAnswer(rs.getString("entry_key"), rs.getInt("times"), Rows.instant(rs, "last")))
			.list();
	}

	private static List<String> menu(ResultSet rs) throws SQLException {
		Array menu = rs.getArray("menu");
		return menu == null ? List.of() : Arrays.asList((String[]) menu.getArray());
	}

}
