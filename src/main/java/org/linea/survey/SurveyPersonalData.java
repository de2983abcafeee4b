package org.linea.survey;

import java.util.Map;

import org.linea.personaldata.DataSubject;
import org.linea.personaldata.PersonalDataHolder;
import org.linea.personaldata.RetentionTarget;
import org.linea.personaldata.SqlRetentionTarget;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What people answered in surveys. Free-text answers are personal data: retention blanks them after
 * the line's period for {@value #SURVEY_TEXTS} (choice, number and date answers stay for the
 * figures, under the pseudonymous code only); a person's export shows all their answers and their
 * erasure blanks all of them and ends a survey they are taking.
 */
@Configuration(proxyBeanMethods = false)
class SurveyPersonalData implements PersonalDataHolder {

	/** The data type of free-text survey answers. */
	static final String SURVEY_TEXTS = "survey_texts";

	private final JdbcClient jdbc;

	SurveyPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Bean
	static RetentionTarget surveyTexts(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, SURVEY_TEXTS, "survey_answer", "value = null", """
				session_id in (select s.id from survey_session s where s.line_id = ?) and answered_at < ? and value is not null
				and question in (select q ->> 'name' from survey_session s join survey_survey v on v.id = s.survey_id,
				    jsonb_array_elements(v.definition -> 'questions') q
				    where s.id = survey_answer.session_id and q ->> 'type' = 'TEXT')
				""");
	}

	@Override
	public String section() {
		return "surveyAnswers";
	}

	@Override
	public Object export(DataSubject subject) {
		return this.jdbc.sql("""
				select v.title, w.number, a.question, a.value, a.answered_at from survey_answer a
				join survey_session s on s.id = a.session_id join survey_survey v on v.id = s.survey_id
				join survey_wave w on w.id = s.wave_id
				where s.contact_id = ? order by s.id, a.answered_at
				""").param(subject.contactId()).query((rs, n) -> Map.of("survey", rs.getString(1), "wave", rs.getInt(2), "question",
				rs.getString(3), "answer", String.valueOf(rs.getString(4)), "at", rs.getTimestamp(5).toInstant().toString())).list();
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		int answers = this.jdbc.sql("""
				update survey_answer set value = null
				where session_id in (select id from survey_session where contact_id = ?) and value is not null
				""").param(subject.contactId()).update();
		this.jdbc.sql("update survey_session set status = 'STOPPED', finished_at = now(), current_question = null "
				+ "where contact_id = ? and status = 'ACTIVE'").param(subject.contactId()).update();
		return Map.of(SURVEY_TEXTS, answers);
	}

}
