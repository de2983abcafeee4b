package org.linea.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.linea.access.ConversationContent;
import org.linea.access.Permission;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.LineaUser;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationService;
import org.linea.knowledge.PhrasingService;
import org.linea.knowledge.PhrasingSource;
import org.linea.knowledge.TextSimilarity;
import org.linea.shared.InvalidRequestException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do with the bot: coordinators test it on a message and review what it could not
 * answer or answered wrongly; operators mark an automatic answer wrong from the inbox.
 */
@Service
public class BotService {



	private static final int MAX_TEST_TEXT = 4096;

	// questions alike this much (TextSimilarity) are shown as one group: half of all their terms shared,
	// stricter than rumours, as these are short questions in the bank's vocabulary
	private static final double ALIKE = 2.0 / 3;

	private final LineService lines;

	private final KnowledgeBot bot;

	private final BankIndexes indexes;

	private final DecisionLog log;

	private final ConversationService conversations;

	private final Clock clock;

	private final ConversationContent content;

	private final PhrasingService phrasings;

	BotService(LineService lines, KnowledgeBot bot, BankIndexes indexes, DecisionLog log, ConversationService conversations,
			Clock clock, ConversationContent content, PhrasingService phrasings) {
		this.phrasings = phrasings;
		this.content = content;
		this.lines = lines;
		this.bot = bot;
		this.indexes = indexes;
		this.log = log;
		this.conversations = conversations;
		this.clock = clock;
	}

	/** Lines whose bot the current user may test and review. */
	public List<Line> reviewableLines() {
		return this.lines.accessibleLines(Permission.BOT_REVIEW);
	}

	/** The decision the bot would take on this text, with scores and candidates; nothing is sent or stored. */
	@Transactional(readOnly = true)
	public BotDecision test(String lineKey, String text) {
		return test(lineKey, text, null);
	}

	/** @param previous the person's message before this one, or null */
	@Transactional(readOnly = true)
	public BotDecision test(String lineKey, String text, String previous) {
		Line line = this.lines.requireAccess(lineKey, Permission.BOT_REVIEW);
		if (text == null || text.isBlank()) {
			throw new InvalidRequestException("error.bot.write-message-test");
		}
		if (text.length() > MAX_TEST_TEXT) {
			throw new InvalidRequestException("error.bot.message-most-characters", MAX_TEST_TEXT);
		}
		if (previous != null && previous.length() > MAX_TEST_TEXT) {
			throw new InvalidRequestException("error.bot.message-most-characters", MAX_TEST_TEXT);
		}
		return this.bot.test(line, text, previous);
	}

	/** Questions the bot could not answer in the last days, alike ones grouped, largest group first. */
	@Transactional(readOnly = true)
	public List<UnansweredGroup> unanswered(String lineKey, int days) {
		Line line = this.lines.requireAccess(lineKey, Permission.BOT_REVIEW);
		Instant since = Instant.now(this.clock).minus(Duration.ofDays(days));
		BankIndex index = this.indexes.of(line);
		List<DecisionLog.Unanswered> all = this.log.unanswered(line.id(), since, 2000);
		// what was said in a restricted team's conversation stays with that team
		Set<Long> hidden = this.content.hiddenFrom(CurrentUser.require(), all.stream().map(DecisionLog.Unanswered::conversationId).toList());
		List<DecisionLog.Unanswered> questions = all.stream().filter(q -> !hidden.contains(q.conversationId())).toList();
		List<Set<String>> groupTerms = new ArrayList<>();
		List<List<DecisionLog.Unanswered>> groups = new ArrayList<>();
		for (DecisionLog.Unanswered question : questions) {
			Set<String> terms = new HashSet<>(index.terms(question.question(), line.defaultLanguage()));
			int best = -1;
			double bestSimilarity = 0;
			for (int i = 0; i < groups.size(); i++) {
				double similarity = TextSimilarity.of(terms, groupTerms.get(i));
				if (similarity > bestSimilarity) {
					best = i;
					bestSimilarity = similarity;
				}
			}
			if (best >= 0 && bestSimilarity >= ALIKE) {
				groups.get(best).add(question);
			}
			else {
				groups.add(new ArrayList<>(List.of(question)));
				groupTerms.add(terms);
			}
		}
		return groups.stream()
			.map(group -> new UnansweredGroup(group.size(), group.stream().limit(5).map(DecisionLog.Unanswered::question).toList(),
					group.getFirst().decidedAt(), group.getFirst().bestEntry(), group.stream().map(DecisionLog.Unanswered::id).toList()))
			.sorted((a, b) -> Integer.compare(b.count(), a.count()))
			.toList();
	}

	/** The line's validated entries, which questions can be given to. */
	@Transactional(readOnly = true)
	public List<org.linea.knowledge.KnowledgeEntry> validatedEntries(String lineKey) {
		Line line = this.lines.requireAccess(lineKey, Permission.BOT_REVIEW);
		return this.indexes.of(line).entries();
	}

	/** Entries operators marked as wrong answers in the last days. */
	@Transactional(readOnly = true)
	public List<WrongAnswer> markedWrong(String lineKey, int days) {
		Line line = this.lines.requireAccess(lineKey, Permission.BOT_REVIEW);
		return this.log.markedWrong(line.id(), Instant.now(this.clock).minus(Duration.ofDays(days)));
	}

	/**
	 * An operator says the bot's answer shown as this message was wrong.
	 * @return the entry that was answered
	 */
	@Transactional
	public String markWrong(long conversationId, long botMessageId) {
		return markWrong(conversationId, botMessageId, null);
	}

	/**
	 * As {@link #markWrong(long, long)}, naming the entry that should have been answered: the message
	 * answered is proposed as a phrasing of that entry, for review.
	 * @param rightEntry the right entry's id, or null or blank when the operator does not say
	 */
	@Transactional
	public String markWrong(long conversationId, long botMessageId, String rightEntry) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.lines.requireAccess(conversation.lineId(), Permission.INBOX_REPLY, "error.missing.conversation", conversationId);
		this.content.require(conversationId);
		LineaUser me = CurrentUser.require();
		String right = rightEntry == null || rightEntry.isBlank() ? null : rightEntry.strip().toUpperCase(java.util.Locale.ROOT);
		if (right != null && this.indexes.of(line).entry(right) == null) {
			throw new InvalidRequestException("error.bot.there-validated-entry-line", right);
		}
		DecisionLog.MarkedWrong marked = this.log.markWrong(conversationId, botMessageId, me.id())
			.orElseThrow(() -> new InvalidRequestException("error.bot.there-automatic-answer-mark"));
		if (right != null && !right.equals(marked.entryKey()) && marked.inboundMessageId() != null) {
			this.conversations.messages(conversationId)
				.stream()
				.filter(m -> m.id() == marked.inboundMessageId())
				.findFirst()
				.ifPresent(m -> this.phrasings.propose(line.id(), right, m.body(), PhrasingSource.CORRECTED, conversationId, m.id(), me.id()));
		}
		return marked.entryKey();
	}

	/**
	 * A coordinator says what these unanswered questions asked: each is proposed as a phrasing of the
	 * entry, for review in the learned-phrasings queue.
	 * @return how many were proposed
	 */
	@Transactional
	public int assign(String lineKey, List<Long> decisionIds, String entryKey) {
		Line line = this.lines.requireAccess(lineKey, Permission.BOT_REVIEW);
		this.lines.requireAccess(lineKey, Permission.KNOWLEDGE_EDIT);
		String entry = entryKey == null ? "" : entryKey.strip().toUpperCase(java.util.Locale.ROOT);
		if (this.indexes.of(line).entry(entry) == null) {
			throw new InvalidRequestException("error.bot.there-validated-entry-line", entry);
		}
		List<DecisionLog.Unanswered> questions = this.log.unanswered(line.id(), decisionIds == null ? List.of() : decisionIds);
		Set<Long> hidden = this.content.hiddenFrom(CurrentUser.require(), questions.stream().map(DecisionLog.Unanswered::conversationId).toList());
		long me = CurrentUser.require().id();
		int proposed = 0;
		for (DecisionLog.Unanswered question : questions) {
			if (!hidden.contains(question.conversationId())
					&& this.phrasings.propose(line.id(), entry, question.question(), PhrasingSource.ASSIGNED, question.conversationId(),
							this.log.inboundMessage(question.id()), me)) {
				proposed++;
			}
		}
		return proposed;
	}

}
