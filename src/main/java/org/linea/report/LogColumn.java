package org.linea.report;

import java.util.List;
import java.util.function.Function;

import org.linea.feedback.log.LogRecord;

/**
 * A column of the feedback log as exported: the heading's message key, its HXL hashtag and how to
 * read the value. The columns follow the log sheet the teams kept by hand; none holds a phone number
 * or a name of the person.
 */
enum LogColumn {

	CODE("report.col.code", "#meta+id", LogRecord::code),
	DATE("report.col.date", "#date", LogRecord::day),
	LINE("report.col.line", "#meta+line", LogRecord::lineName),
	CHANNEL("report.col.channel", "#meta+channel", LogRecord::channel),
	LANGUAGE("report.col.language", "#meta+lang", LogRecord::language),
	OPERATORS("report.col.operators", "#meta+operator", r -> String.join(", ", r.operators())),
	TOPICS("report.col.topics", "#indicator+topic", r -> String.join(", ", r.topics())),
	INFORMATION("report.col.informationTypes", "#indicator+info", r -> String.join(", ", r.informationTypes())),
	FEEDBACK_TYPE("report.col.feedbackType", "#indicator+type", LogRecord::feedbackType),
	ANSWERED_BY("report.col.answeredBy", "#meta+answered_by", LogRecord::answeredBy),
	FIRST_RESPONSE("report.col.firstResponse", "#indicator+first_response+minutes", LogRecord::firstResponseMinutes),
	RESOLUTION("report.col.resolution", "#indicator+resolution+minutes", LogRecord::resolutionMinutes),
	SATISFACTION("report.col.satisfaction", "#indicator+satisfaction", LogRecord::satisfaction),
	CLOSED("report.col.closed", "#status+closed", r -> r.closed() ? "yes" : "no"),
	GENDER("report.col.gender", "#meta+gender", LogRecord::gender),
	AGE_RANGE("report.col.ageRange", "#meta+age", LogRecord::ageRange),
	LOCATION("report.col.location", "#adm1+name", LogRecord::location),
	MIGRANT_STATUS("report.col.migrantStatus", "#meta+migrant_status", LogRecord::migrantStatus),
	LOOP_CLOSED("report.col.loopClosed", "#date+loop_closed", LogRecord::loopClosedOn),
	LOOP_ANNOUNCEMENT("report.col.loopAnnouncement", "#meta+announcement", LogRecord::loopAnnouncementId);

	static final List<LogColumn> ALL = List.of(values());

	final String headingKey;

	final String hxl;

	private final Function<LogRecord, Object> value;

	LogColumn(String headingKey, String hxl, Function<LogRecord, Object> value) {
		this.headingKey = headingKey;
		this.hxl = hxl;
		this.value = value;
	}

	Object valueOf(LogRecord record) {
		return this.value.apply(record);
	}

}
