package org.linea.inbox;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.linea.access.Line;
import org.linea.knowledge.Answer;
import org.linea.knowledge.Attachment;
import org.linea.knowledge.EntryContent;
import org.linea.knowledge.EntryKind;
import org.linea.knowledge.KnowledgeEntry;
import org.linea.knowledge.KnowledgeService;

import org.springframework.stereotype.Component;

/**
 * Finds validated entries of a line's bank for the composer: every word typed must appear (ignoring
 * case and accents) in the entry's id, question, phrasings, tags or answer; entries whose question
 * holds the words come first.
 */
@Component
class QuickReplies {

	private static final int MAX_RESULTS = 8;

	private final KnowledgeService knowledge;

	QuickReplies(KnowledgeService knowledge) {
		this.knowledge = knowledge;
	}

	List<QuickReply> search(Line line, String language, String query, EntryKind kind) {
		List<String> words = Arrays.stream(fold(query == null ? "" : query).split("\\s+")).filter(w -> !w.isBlank()).toList();
		return this.knowledge.validated(line.id())
			.stream()
			.map(KnowledgeEntry::content)
			.filter(content -> kind == null || content.kind() == kind)
			.filter(content -> words.stream().allMatch(haystack(content)::contains))
			.sorted(Comparator.comparingLong((EntryContent c) -> -words.stream().filter(fold(c.question())::contains).count())
				.thenComparing(EntryContent::key))
			.limit(MAX_RESULTS)
			.map(content -> toReply(line, language, content))
			.toList();
	}

	private static QuickReply toReply(Line line, String language, EntryContent content) {
		boolean otherLanguage = content.answer(language) == null;
		Answer answer = Objects.requireNonNullElse(content.answerFor(language, line.defaultLanguage()), new Answer("", null));
		String links = content.attachments().stream().map(Attachment::url).collect(Collectors.joining("\n"));
		String text = links.isEmpty() ? answer.text() : answer.text() + "\n" + links;
		return new QuickReply(content.key(), content.kind().name(), content.question(), text, otherLanguage);
	}

	private static String haystack(EntryContent content) {
		return fold(Stream.of(Stream.of(content.key(), content.question()), content.alternatives().stream(), content.tags().stream(),
				content.answers().values().stream().map(Answer::text))
			.flatMap(s -> s)
			.collect(Collectors.joining(" ")));
	}

	private static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

}
