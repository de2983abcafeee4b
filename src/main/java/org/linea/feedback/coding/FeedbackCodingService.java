package org.linea.feedback.coding;

import org.linea.feedback.log.FeedbackLog;
import org.linea.feedback.log.FeedbackLogRecorder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.linea.access.Permission;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.shared.InvalidRequestException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coding of each interaction: topics from the organisation's {@link Codebook}, the information
 * given and the kind of feedback. Every version is kept in {@code feedback_coding_history}.
 */
@Service
public class FeedbackCodingService {

	/** Who may correct the coding of a closed interaction. */

	private final JdbcClient jdbc;

	private final LineService lines;

	private final FeedbackLog log;

	private final FeedbackLogRecorder recorder;

	private final ApplicationEventPublisher events;

	FeedbackCodingService(JdbcClient jdbc, LineService lines, FeedbackLog log, FeedbackLogRecorder recorder,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.lines = lines;
		this.log = log;
		this.recorder = recorder;
		this.events = events;
	}

	/** A coder's correction of an interaction's coding; the previous versions stay in its history. */
	@Transactional
	public void correct(long conversationId, Coding coding, String reason) {
		Line line = this.lines.get(this.log.lineOf(conversationId));
		this.lines.requireAccess(line.key(), Permission.FEEDBACK_CODE);
		if (reason == null || reason.isBlank()) {
			throw new InvalidRequestException("error.feedback.say-why-coding-corrected");
		}
		code(conversationId, line.id(), coding, CurrentUser.require().id(), reason.strip());
		this.recorder.refresh(conversationId);
	}

	/** Records the coding an operator gives an interaction when closing it. */
	@Transactional
	public void code(long conversationId, long lineId, Coding coding, long userId) {
		code(conversationId, lineId, coding, userId, null);
	}

	/**
	 * Records a coding; every version is kept in the history with who gave it, when and why.
	 * @param reason why a coder corrected it, null for the first coding
	 */
	@Transactional
	public void code(long conversationId, long lineId, Coding coding, long userId, String reason) {
		if (coding.feedbackType() == null) {
			throw new InvalidRequestException("error.feedback.choose-kind-feedback-before");
		}
		List<String> topics = coding.topics() == null ? List.of()
				: coding.topics().stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).distinct().toList();
		List<String> informationTypes = coding.informationTypes() == null ? List.of()
				: coding.informationTypes().stream().map(Enum::name).distinct().toList();
		this.jdbc.sql("""
				insert into feedback_coding_history (conversation_id, topics, info_types, feedback_type, coded_by, reason)
				values (?, ?::text[], ?::text[], ?, ?, ?)
				""")
			.params(conversationId, topics.toArray(String[]::new), informationTypes.toArray(String[]::new),
					coding.feedbackType().name(), userId, reason)
			.update();
		this.jdbc.sql("""
				insert into feedback_coding (conversation_id, line_id, topics, info_types, feedback_type, coded_by)
				values (?, ?, ?::text[], ?::text[], ?, ?)
				on conflict (conversation_id) do update set topics = excluded.topics, info_types = excluded.info_types,
				    feedback_type = excluded.feedback_type, coded_by = excluded.coded_by, coded_at = now()
				""")
			.params(conversationId, lineId, topics.toArray(String[]::new), informationTypes.toArray(String[]::new),
					coding.feedbackType().name(), userId)
			.update();
		this.events.publishEvent(new FeedbackCoded(conversationId, lineId, coding.feedbackType(), topics, reason != null));
	}

	@Transactional(readOnly = true)
	public Optional<Coding> codingOf(long conversationId) {
		return this.jdbc.sql("select topics, info_types, feedback_type from feedback_coding where conversation_id = ?")
			.param(conversationId)
			.query((rs, row) -> new Coding(List.of((String[]) rs.getArray(1).getArray()),
					Arrays.stream((String[]) rs.getArray(2).getArray()).map(InformationType::valueOf).toList(),
					FeedbackType.valueOf(rs.getString(3))))
			.optional();
	}

}
