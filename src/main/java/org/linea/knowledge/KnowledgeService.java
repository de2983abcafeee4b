package org.linea.knowledge;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.linea.access.Permission;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.LineaUser;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A line's knowledge bank: topics and entries, their review (draft, validated, retired), every
 * version of each entry, and import and export as .csv or .xlsx. Coordinators change the bank;
 * operators and specialists read it. Every change raises the bank's revision, which tells the bot on
 * every node to rebuild its index.
 */
@Service
public class KnowledgeService {



	private final LineService lines;

	private final KnowledgeStore store;

	KnowledgeService(LineService lines, KnowledgeStore store) {
		this.lines = lines;
		this.store = store;
	}

	/** Lines whose bank the current user may read. */
	public List<Line> readableLines() {
		return this.lines.accessibleLines(Permission.KNOWLEDGE_READ);
	}

	public boolean canEdit(Line line) {
		return this.lines.canAccess(line, Permission.KNOWLEDGE_EDIT);
	}

	@Transactional(readOnly = true)
	public List<KnowledgeEntry> entries(String lineKey) {
		return this.store.entries(this.lines.requireAccess(lineKey, Permission.KNOWLEDGE_READ).id());
	}

	@Transactional(readOnly = true)
	public List<Topic> topics(String lineKey) {
		return this.store.topics(this.lines.requireAccess(lineKey, Permission.KNOWLEDGE_READ).id());
	}

	@Transactional(readOnly = true)
	public KnowledgeEntry entry(String lineKey, String key) {
		Line line = this.lines.requireAccess(lineKey, Permission.KNOWLEDGE_READ);
		return this.store.find(line.id(), key).orElseThrow(() -> new NotFoundException("error.missing.entry", key));
	}

	@Transactional(readOnly = true)
	public List<EntryVersion> versions(String lineKey, String key) {
		return this.store.versions(entry(lineKey, key).id());
	}

	@Transactional(readOnly = true)
	public EntryVersion version(String lineKey, String key, int version) {
		return this.store.version(entry(lineKey, key).id(), version)
			.orElseThrow(() -> new NotFoundException("error.missing.version", version, key));
	}

	/** The validated entries the bot answers from. For the bot, which has no signed-in user. */
	@Transactional(readOnly = true)
	public List<KnowledgeEntry> validated(long lineId) {
		return this.store.validated(lineId);
	}

	/**
	 * Goes up with every change of the line's bank; -1 for a bank never set up. One statement, so no transaction of its
	 * own: the bot reads it before every decision, and outside the pipeline's transaction (the test page, the decide API)
	 * a read-only one cost a second round trip to the database (its commit) per message.
	 */
	public long revision(long lineId) {
		return this.store.revision(lineId);
	}

	@Transactional
	public void saveTopic(String lineKey, String slug, String name) {
		Line line = this.lines.requireAccess(lineKey, Permission.KNOWLEDGE_EDIT);
		String clean = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
		if (!EntryRules.TOPIC.matcher(clean).matches()) {
			throw new InvalidRequestException("error.knowledge.topic-short-name-lower", slug);
		}
		String label = name == null || name.isBlank() ? clean : name.strip();
		this.store.ensureTopic(line.id(), clean, label);
		this.store.renameTopic(line.id(), clean, label);
		this.store.touch(line.id());
	}

	/** Creates an entry as a draft; without a key, one is generated from the topic ({@code SINTOMAS-01}). */
	@Transactional
	public KnowledgeEntry create(String lineKey, EntryContent content) {
		Line line = this.lines.requireAccess(lineKey, Permission.KNOWLEDGE_EDIT);
		requireValid(content);
		EntryContent keyed = content.key().isEmpty() ? withKey(content, nextKey(line.id(), content.topic())) : content;
		if (this.store.find(line.id(), keyed.key()).isPresent()) {
			throw new InvalidRequestException("error.knowledge.entry-already-exists-line", keyed.key());
		}
		insert(line.id(), EntryStatus.DRAFT, keyed, "CREATED");
		this.store.touch(line.id());
		return this.store.find(line.id(), keyed.key()).orElseThrow();
	}

	/** Changes an entry's content (its key stays); its status is kept. */
	@Transactional
	public KnowledgeEntry edit(String lineKey, String key, EntryContent content) {
		Line line = this.lines.requireAccess(lineKey, Permission.KNOWLEDGE_EDIT);
		KnowledgeEntry entry = this.store.lock(line.id(), key).orElseThrow(() -> new NotFoundException("error.missing.entry", key));
		EntryContent keyed = withKey(content, key);
		requireValid(keyed);
		if (!keyed.equals(entry.content())) {
			change(line.id(), entry, entry.status(), keyed, "EDITED");
		}
		return this.store.find(line.id(), key).orElseThrow();
	}

	/** Moves an entry in its review: validate, retire, or back to draft. */
	@Transactional
	public KnowledgeEntry setStatus(String lineKey, String key, EntryStatus status) {
		Line line = this.lines.requireAccess(lineKey, Permission.KNOWLEDGE_EDIT);
		KnowledgeEntry entry = this.store.lock(line.id(), key).orElseThrow(() -> new NotFoundException("error.missing.entry", key));
		if (entry.status() != status) {
			change(line.id(), entry, status, entry.content(), "STATUS");
		}
		return this.store.find(line.id(), key).orElseThrow();
	}

	/** Brings back an earlier version's content as a new version; the entry's status is kept. */
	@Transactional
	public KnowledgeEntry restore(String lineKey, String key, int version) {
		Line line = this.lines.requireAccess(lineKey, Permission.KNOWLEDGE_EDIT);
		KnowledgeEntry entry = this.store.lock(line.id(), key).orElseThrow(() -> new NotFoundException("error.missing.entry", key));
		EntryVersion earlier = this.store.version(entry.id(), version)
			.orElseThrow(() -> new NotFoundException("error.missing.version", version, key));
		change(line.id(), entry, entry.status(), withKey(earlier.content(), key), "RESTORED");
		return this.store.find(line.id(), key).orElseThrow();
	}

	/**
	 * Imports a bank file: every row is checked first and any problem stops the whole import. Rows
	 * are matched to entries by id; a row without id becomes a new entry with a generated id. A row
	 * without status keeps an existing entry's status, and makes a new entry a draft, unless
	 * {@code validate} marks every imported entry validated.
	 */
	@Transactional
	public ImportResult importBank(String lineKey, BankFile format, InputStream in, boolean validate) {
		Line line = this.lines.requireAccess(lineKey, Permission.KNOWLEDGE_EDIT);
		return importRows(line, BankRows.parse(format.read(in)), validate);
	}

	/** Imports a bank file without a signed-in user, e.g. the demo bank on first start. */
	@Transactional
	public ImportResult seed(Line line, InputStream csv) {
		return importRows(line, BankRows.parse(BankFile.CSV.read(csv)), true);
	}

	@Transactional(readOnly = true)
	public void export(String lineKey, BankFile format, OutputStream out) {
		Line line = this.lines.requireAccess(lineKey, Permission.KNOWLEDGE_READ);
		List<KnowledgeEntry> entries = this.store.entries(line.id());
		Set<String> languages = new LinkedHashSet<>(BankColumns.LANGUAGES);
		languages.addAll(line.languages());
		entries.forEach(entry -> languages.addAll(entry.content().answers().keySet()));
		List<String> header = BankColumns.header(List.copyOf(languages));
		List<List<String>> rows = new ArrayList<>();
		for (KnowledgeEntry entry : entries) {
			rows.add(row(header, entry));
		}
		format.write(header, rows, out);
	}

	private ImportResult importRows(Line line, BankRows.Result parsed, boolean validate) {
		if (!parsed.problems().isEmpty()) {
			throw new ImportFailedException(parsed.problems());
		}
		if (parsed.entries().isEmpty()) {
			throw new ImportFailedException(List.of(new ImportProblem(0, "", "empty", "")));
		}
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (BankRows.Parsed row : parsed.entries()) {
			EntryContent content = row.content();
			this.store.ensureTopic(line.id(), content.topic(), content.topic());
			KnowledgeEntry existing = content.key().isEmpty() ? null : this.store.lock(line.id(), content.key()).orElse(null);
			if (existing == null) {
				EntryContent keyed = content.key().isEmpty() ? withKey(content, nextKey(line.id(), content.topic())) : content;
				EntryStatus status = validate ? EntryStatus.VALIDATED : Objects.requireNonNullElse(row.status(), EntryStatus.DRAFT);
				insert(line.id(), status, keyed, "IMPORTED");
				created++;
				continue;
			}
			EntryStatus status = validate ? EntryStatus.VALIDATED : Objects.requireNonNullElse(row.status(), existing.status());
			if (status == existing.status() && content.equals(existing.content())) {
				unchanged++;
			}
			else {
				change(line.id(), existing, status, content, "IMPORTED");
				updated++;
			}
		}
		this.store.touch(line.id());
		return new ImportResult(created, updated, unchanged);
	}

	private void insert(long lineId, EntryStatus status, EntryContent content, String change) {
		this.store.ensureTopic(lineId, content.topic(), content.topic());
		long id = this.store.insert(lineId, status, content, who());
		this.store.addVersion(id, 1, status, content, change, who());
	}

	private void change(long lineId, KnowledgeEntry entry, EntryStatus status, EntryContent content, String change) {
		this.store.ensureTopic(lineId, content.topic(), content.topic());
		int version = entry.version() + 1;
		this.store.update(entry.id(), version, status, content, who());
		this.store.addVersion(entry.id(), version, status, content, change, who());
		this.store.touch(lineId);
	}

	private String nextKey(long lineId, String topic) {
		String prefix = topic.replaceAll("[^a-z0-9]", "").toUpperCase(Locale.ROOT);
		prefix = (prefix.isEmpty() ? "ENTRY" : prefix.substring(0, Math.min(prefix.length(), 8))) + "-";
		int highest = 0;
		for (String key : this.store.keysStartingWith(lineId, prefix)) {
			String number = key.substring(prefix.length());
			if (number.matches("\\d{1,6}")) {
				highest = Math.max(highest, Integer.parseInt(number));
			}
		}
		return prefix + String.format(Locale.ROOT, "%02d", highest + 1);
	}

	private static void requireValid(EntryContent content) {
		List<EntryRules.Broken> broken = EntryRules.check(content);
		if (!broken.isEmpty()) {
			throw new ImportFailedException(broken.stream().map(b -> new ImportProblem(0, b.column(), b.code(), b.value())).toList());
		}
	}

	private static EntryContent withKey(EntryContent content, String key) {
		return new EntryContent(key, content.topic(), content.kind(), content.question(), content.alternatives(),
				content.answers(), content.attachments(), content.tags(), content.source(), content.reviewOn());
	}

	private static List<String> row(List<String> header, KnowledgeEntry entry) {
		EntryContent c = entry.content();
		List<String> row = new ArrayList<>();
		for (String column : header) {
			row.add(switch (column) {
				case BankColumns.ID -> c.key();
				case BankColumns.TOPIC -> c.topic();
				case BankColumns.KIND -> c.kind().name();
				case BankColumns.STATUS -> entry.status().name();
				case BankColumns.QUESTION -> c.question();
				case BankColumns.ALTERNATIVES -> String.join(BankColumns.ALTERNATIVES_SEPARATOR, c.alternatives());
				case BankColumns.ATTACHMENTS -> BankRows.formatAttachments(c.attachments());
				case BankColumns.TAGS -> String.join(", ", c.tags());
				case BankColumns.SOURCE -> c.source();
				case BankColumns.REVIEW -> c.reviewOn() == null ? "" : c.reviewOn().toString();
				default -> languageCell(column, c.answers());
			});
		}
		return row;
	}

	private static String languageCell(String column, Map<String, Answer> answers) {
		boolean sms = column.startsWith(BankColumns.SMS_PREFIX);
		Answer answer = answers.get(column.substring(column.indexOf('_') + 1));
		if (answer == null) {
			return "";
		}
		return sms ? Objects.requireNonNullElse(answer.sms(), "") : answer.text();
	}

	private static String who() {
		return CurrentUser.find().map(LineaUser::getUsername).orElse("system");
	}

}
