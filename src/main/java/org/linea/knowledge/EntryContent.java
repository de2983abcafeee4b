package org.linea.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a coordinator writes in an entry: everything that is versioned. The key is the entry's stable
 * id on its line ({@code SYM-01}), kept through import and export.
 *
 * @param answers by ISO 639-1 language code
 * @param reviewOn when the content should be checked again, or null
 */
public record EntryContent(String key, String topic, EntryKind kind, String question, List<String> alternatives,
		Map<String, Answer> answers, List<Attachment> attachments, List<String> tags, String source, LocalDate reviewOn) {

	public EntryContent {
		key = key == null ? "" : key.strip();
		topic = topic == null ? "" : topic.strip();
		kind = kind == null ? EntryKind.FAQ : kind;
		question = question == null ? "" : question.strip();
		alternatives = alternatives == null ? List.of()
				: alternatives.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
		answers = answers == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(answers));
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
		tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
		source = source == null ? "" : source.strip();
	}

	/** The answer in this language, if the entry has one. */
	public Answer answer(String language) {
		Answer answer = this.answers.get(language);
		return answer == null || answer.text().isEmpty() ? null : answer;
	}

	/**
	 * The answer to send a person writing in this language: theirs, else the line's default language's,
	 * else any; null when the entry has no answer at all.
	 */
	public Answer answerFor(String language, String defaultLanguage) {
		Answer answer = answer(language);
		if (answer == null) {
			answer = answer(defaultLanguage);
		}
		return answer != null ? answer : this.answers.values().stream().filter(a -> !a.text().isEmpty()).findFirst().orElse(null);
	}

	/** The canonical question then its alternative phrasings. */
	public List<String> phrasings() {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(this.question), this.alternatives.stream())
			.filter(s -> !s.isEmpty())
			.toList();
	}

}
