package org.linea.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The columns of a bank file, .csv or .xlsx. The columns of the benchmark bank ({@code id, topic,
 * question, alt_questions, answer_es, answer_en}) are a valid file as they are; the others are
 * optional. An export writes every column, so a round trip loses nothing.
 */
final class BankColumns {

	static final String ID = "id";

	static final String TOPIC = "topic";

	static final String KIND = "kind";

	static final String STATUS = "status";

	static final String QUESTION = "question";

	static final String ALTERNATIVES = "alt_questions";

	static final String ATTACHMENTS = "attachments";

	static final String TAGS = "tags";

	static final String SOURCE = "source";

	static final String REVIEW = "review_date";

	static final String ANSWER_PREFIX = "answer_";

	static final String SMS_PREFIX = "sms_";

	/** Alternative phrasings in one cell: {@code ¿Qué síntomas da? | ¿Cómo sé si tengo COVID?} */
	static final String ALTERNATIVES_SEPARATOR = " | ";

	static final Pattern LANGUAGE_COLUMN = Pattern.compile("(answer|sms)_([a-z]{2})");

	/** The languages every export has columns for, whether or not entries use them. */
	static final List<String> LANGUAGES = List.of("es", "en", "pt", "fr", "ht");

	private BankColumns() {
	}

	static List<String> header(List<String> languages) {
		List<String> header = new ArrayList<>(List.of(ID, TOPIC, KIND, STATUS, QUESTION, ALTERNATIVES));
		for (String language : languages) {
			header.add(ANSWER_PREFIX + language);
		}
		for (String language : languages) {
			header.add(SMS_PREFIX + language);
		}
		header.addAll(List.of(ATTACHMENTS, TAGS, SOURCE, REVIEW));
		return header;
	}

	static boolean known(String column) {
		return header(List.of()).contains(column) || LANGUAGE_COLUMN.matcher(column).matches();
	}

}
