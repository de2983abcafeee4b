package org.linea.feedback;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.linea.shared.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coding of each interaction, the seed of the feedback log. Topics come from a line's knowledge
 * bank topics or the default list below until a codebook is configured.
 */
@Service
public class FeedbackCodingService {

	/** Topics offered when a line has no codebook of its own. */
	public static final List<String> DEFAULT_TOPICS = List.of("sintomas", "prevencion", "pruebas", "vacunas", "aislamiento",
			"salud_mental", "transferencias", "migracion", "salud", "proteccion", "linea", "servicios", "rumores", "otro");

	private final JdbcClient jdbc;

	FeedbackCodingService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records (or corrects) the coding of a conversation. */
	@Transactional
	public void code(long conversationId, long lineId, Coding coding, long userId) {
		if (coding.feedbackType() == null) {
			throw new InvalidRequestException("Choose the kind of feedback before closing");
		}
		List<String> topics = coding.topics() == null ? List.of()
				: coding.topics().stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).distinct().toList();
		List<String> informationTypes = coding.informationTypes() == null ? List.of()
				: coding.informationTypes().stream().map(Enum::name).distinct().toList();
		this.jdbc.sql("""
				insert into feedback_coding (conversation_id, line_id, topics, info_types, feedback_type, coded_by)
				values (?, ?, ?::text[], ?::text[], ?, ?)
				on conflict (conversation_id) do update set topics = excluded.topics, info_types = excluded.info_types,
				    feedback_type = excluded.feedback_type, coded_by = excluded.coded_by, coded_at = now()
				""")
			.params(conversationId, lineId, topics.toArray(String[]::new), informationTypes.toArray(String[]::new),
					coding.feedbackType().name(), userId)
			.update();
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
