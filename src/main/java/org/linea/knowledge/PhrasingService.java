package org.linea.knowledge;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.linea.access.ConversationContent;
import org.linea.access.Permission;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Phrasings an entry learns: the line's own work proposes them (a quick reply, a corrected wrong
 * answer, an unanswered question assigned to an entry), knowledge managers review them, and only
 * approved ones join the bot's index with their entry. An import of labelled phrasings by someone
 * who may edit the bank is itself the review: imported phrasings are approved at once.
 */
@Service
public class PhrasingService {

	/** The longest phrasing kept: a longer message is not a way of asking one question. */
	public static final int MAX_TEXT = 1000;

	private static final int QUEUE_LIMIT = 500;

	private static final int MAX_IMPORT_ROWS = 20_000;

	private static final Set<String> COLUMNS = Set.of("text", "entry");

	private final LineService lines;

	private final PhrasingStore store;

	private final KnowledgeStore bank;

	private final ConversationContent content;

	PhrasingService(LineService lines, PhrasingStore store, KnowledgeStore bank, ConversationContent content) {
		this.lines = lines;
		this.store = store;
		this.bank = bank;
		this.content = content;
	}

	/**
	 * Proposes what a person wrote as a phrasing of an entry, for review. For callers that checked
	 * the user's access to the conversation. Nothing is proposed for an entry the line does not
	 * have, an empty or over-long text, or a message already proposed for the entry.
	 * @return whether a proposal was added
	 */
	@Transactional
	public boolean propose(long lineId, String entryKey, String text, PhrasingSource source, long conversationId, Long messageId,
			Long userId) {
		if (source == PhrasingSource.IMPORTED) {
			throw new IllegalArgumentException("Imported phrasings are added by importPhrasings");
		}
		String clean = text == null ? "" : text.strip();
		if (clean.isEmpty() || clean.length() > MAX_TEXT || entryKey == null || this.bank.find(lineId, entryKey).isEmpty()
				|| this.store.has(lineId, entryKey, clean)) {
			return false;
		}
		return this.store.propose(lineId, entryKey, clean, source, conversationId, messageId, userId);
	}

	/** Proposals waiting for review, oldest first; those of conversations the user may not read are left out. */
	@Transactional(readOnly = true)
	public List<Phrasing> queue(String lineKey) {
		Line line = this.lines.requireAccess(lineKey, Permission.KNOWLEDGE_EDIT);
		List<Phrasing> proposed = this.store.proposed(line.id(), QUEUE_LIMIT);
		Set<Long> hidden = this.content.hiddenFrom(CurrentUser.require(),
				proposed.stream().map(Phrasing::conversationId).filter(id -> id != null).toList());
		return proposed.stream().filter(p -> p.conversationId() == null || !hidden.contains(p.conversationId())).toList();
	}

	@Transactional
	public Phrasing approve(String lineKey, long id) {
		return review(lineKey, id, null, PhrasingStatus.APPROVED);
	}

	/** The proposal was right about the message, not about the entry: approved as a phrasing of another one. */
	@Transactional
	public Phrasing reassign(String lineKey, long id, String entryKey) {
		return review(lineKey, id, entryKey == null ? "" : entryKey.strip().toUpperCase(Locale.ROOT), PhrasingStatus.APPROVED);
	}

	@Transactional
	public Phrasing reject(String lineKey, long id) {
		return review(lineKey, id, null, PhrasingStatus.REJECTED);
	}

	private Phrasing review(String lineKey, long id, String entryKey, PhrasingStatus status) {
		Line line = this.lines.requireAccess(lineKey, Permission.KNOWLEDGE_EDIT);
		Phrasing phrasing = this.store.lock(line.id(), id).orElseThrow(() -> new NotFoundException("error.missing.phrasing", id));
		if (phrasing.conversationId() != null) {
			this.content.require(phrasing.conversationId());
		}
		if (phrasing.status() != PhrasingStatus.PROPOSED) {
			throw new InvalidRequestException("error.knowledge.phrasing-was-already-reviewed");
		}
		if (entryKey != null && entryKey.isEmpty()) {
			throw new InvalidRequestException("error.knowledge.choose-entry-message-asks");
		}
		String entry = entryKey == null ? phrasing.entryKey() : entryKey;
		if (this.bank.find(line.id(), entry).isEmpty()) {
			throw new InvalidRequestException("error.knowledge.there-entry-line", entry);
		}
		this.store.review(id, entry, status, CurrentUser.require().id());
		if (status == PhrasingStatus.APPROVED) {
			this.bank.touch(line.id());
		}
		return new Phrasing(id, entry, phrasing.text(), phrasing.source(), status, phrasing.conversationId(), phrasing.proposedAt());
	}

	/**
	 * Imports labelled phrasings (columns {@code text} and {@code entry}): every row is checked first
	 * and any problem stops the whole import. The import is the review, so they are approved; a
	 * phrasing the entry already has is left as it is.
	 */
	@Transactional
	public PhrasingImport importPhrasings(String lineKey, BankFile format, InputStream in) {
		Line line = this.lines.requireAccess(lineKey, Permission.KNOWLEDGE_EDIT);
		return importRows(line, format.read(in), CurrentUser.require().id());
	}

	/** Imports labelled phrasings (a .csv) without a signed-in user, e.g. the benchmark's history. */
	@Transactional
	public PhrasingImport seed(Line line, InputStream csv) {
		return importRows(line, BankFile.CSV.read(csv), null);
	}

	private PhrasingImport importRows(Line line, BankFile.Content file, Long me) {
		List<ImportProblem> problems = new ArrayList<>();
		for (String column : COLUMNS) {
			if (!file.header().contains(column)) {
				problems.add(new ImportProblem(0, column, "missingColumn", column));
			}
		}
		for (String column : file.header()) {
			if (!COLUMNS.contains(column)) {
				problems.add(new ImportProblem(1, column, "unknownColumn", column));
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportFailedException(problems);
		}
		if (file.rows().isEmpty()) {
			throw new ImportFailedException(List.of(new ImportProblem(0, "", "empty", "")));
		}
		if (file.rows().size() > MAX_IMPORT_ROWS) {
			throw new InvalidRequestException("error.knowledge.most-phrasings-import", MAX_IMPORT_ROWS);
		}
		Set<String> entries = new HashSet<>();
		this.bank.entries(line.id()).forEach(entry -> entries.add(entry.key()));
		for (BankFile.Row row : file.rows()) {
			String text = row.get("text");
			String entry = row.get("entry").toUpperCase(Locale.ROOT);
			if (text.isEmpty()) {
				problems.add(new ImportProblem(row.number(), "text", "missingText", ""));
			}
			else if (text.length() > MAX_TEXT) {
				problems.add(new ImportProblem(row.number(), "text", "phrasingTooLong", String.valueOf(text.length())));
			}
			if (!entries.contains(entry)) {
				problems.add(new ImportProblem(row.number(), "entry", "unknownEntry", entry));
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportFailedException(problems);
		}
		int imported = 0;
		int unchanged = 0;
		for (BankFile.Row row : file.rows()) {
			String text = row.get("text");
			String entry = row.get("entry").toUpperCase(Locale.ROOT);
			if (this.store.has(line.id(), entry, text)) {
				unchanged++;
			}
			else {
				this.store.insertApproved(line.id(), entry, text, me);
				imported++;
			}
		}
		if (imported > 0) {
			this.bank.touch(line.id());
		}
		return new PhrasingImport(imported, unchanged);
	}

	/** Approved phrasings by entry, for the bot's index (no signed-in user). */
	@Transactional(readOnly = true)
	public Map<String, List<String>> approved(long lineId) {
		return this.store.approved(lineId);
	}

}
