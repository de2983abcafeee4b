package org.linea.bot;

import java.util.Map;

import org.linea.contact.ContactErased;
import org.linea.personaldata.DataSubject;
import org.linea.personaldata.DataTypes;
import org.linea.personaldata.PersonalDataHolder;
import org.linea.personaldata.RetentionTarget;
import org.linea.personaldata.SqlRetentionTarget;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bot's copies of what people asked: the questions it could not answer (kept for coordinators'
 * review list, which is read from them, so it follows). Decisions stay without the question.
 */
@Configuration(proxyBeanMethods = false)
class BotPersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	BotPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Bean
	static RetentionTarget botQuestions(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, DataTypes.BOT_QUESTIONS, "bot_decision", "question = null",
				"line_id = ? and decided_at < ? and question is not null");
	}

	@Override
	public String section() {
		return "botDecisions";
	}

	@Override
	public Object export(DataSubject subject) {
		return this.jdbc.sql("""
				select kind, reason, entry_key, question, decided_at from bot_decision
				where conversation_id = any(?::bigint[]) order by id
				""").param(subject.conversationArray()).query((rs, n) -> Map.of("kind", rs.getString(1), "reason",
				rs.getString(2), "entry", String.valueOf(rs.getString(3)), "question", String.valueOf(rs.getString(4)), "at",
				rs.getTimestamp(5).toInstant().toString())).list();
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		int questions = this.jdbc.sql("update bot_decision set question = null where conversation_id = any(?::bigint[]) and question is not null")
			.param(subject.conversationArray())
			.update();
		return Map.of(DataTypes.BOT_QUESTIONS, questions);
	}

	/** No more closing questions to an erased person. */
	@EventListener
	void erased(ContactErased erased) {
		this.jdbc.sql("update bot_closing_flow set finished_at = now(), outcome = 'STOPPED' where contact_id = ? and finished_at is null")
			.param(erased.contactId())
			.update();
	}


}
