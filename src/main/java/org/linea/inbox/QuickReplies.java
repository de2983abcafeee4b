package org.linea.inbox;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.linea.access.Line;
import org.linea.channel.ChannelService;
import org.linea.knowledge.Answer;
import org.linea.knowledge.AnswerMessages;
import org.linea.knowledge.AnswerMessages.AnswerMessage;
import org.linea.knowledge.EntryContent;
import org.linea.knowledge.EntryKind;
import org.linea.knowledge.KnowledgeEntry;
import org.linea.knowledge.KnowledgeService;
import org.linea.shared.Folding;

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

	private final AnswerMessages answers;

	private final ChannelService channels;

	QuickReplies(KnowledgeService knowledge, AnswerMessages answers, ChannelService channels) {
		this.knowledge = knowledge;
		this.answers = answers;
		this.channels = channels;
	}

	List<QuickReply> search(Line line, String language, String query, EntryKind kind) {
		boolean sms = this.channels.facts(line).sms();
		List<String> words = Arrays.stream(fold(query == null ? "" : query).split("\\s+")).filter(w -> !w.isBlank()).toList();
		return this.knowledge.validated(line.id())
			.stream()
			.map(KnowledgeEntry::content)
			.filter(content -> kind == null || content.kind() == kind)
			.filter(content -> words.stream().allMatch(haystack(content)::contains))
			.sorted(Comparator.comparingLong((EntryContent c) -> -words.stream().filter(fold(c.question())::contains).count())
				.thenComparing(EntryContent::key))
			.limit(MAX_RESULTS)
			.map(content -> toReply(line, language, content, sms))
			.toList();
	}

	private QuickReply toReply(Line line, String language, EntryContent content, boolean sms) {
		AnswerMessage answer = this.answers.message(line, content, language, sms).orElse(new AnswerMessage("", true));
		return new QuickReply(content.key(), content.kind().name(), content.question(), answer.text(), answer.otherLanguage());
	}

	private static String haystack(EntryContent content) {
		return fold(Stream.of(Stream.of(content.key(), content.question()), content.alternatives().stream(), content.tags().stream(),
				content.answers().values().stream().map(Answer::text))
			.flatMap(s -> s)
			.collect(Collectors.joining(" ")));
	}

	private static String fold(String text) {
		return Folding.fold(text);
	}

}
