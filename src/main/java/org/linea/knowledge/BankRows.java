package org.linea.knowledge;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Turns the rows of a bank file into entries, collecting every problem with its row number rather
 * than stopping at the first, so a coordinator fixes the file in one pass. Rows and cells are
 * checked; nothing is stored here.
 */
final class BankRows {

	/** An entry read from a row; status is null when the file has no status column or the cell is empty. */
	record Parsed(int row, EntryContent content, EntryStatus status) {
	}

	record Result(List<Parsed> entries, List<ImportProblem> problems) {
	}

	private BankRows() {
	}

	static Result parse(BankFile.Content file) {
		List<ImportProblem> problems = new ArrayList<>();
		for (String required : List.of(BankColumns.TOPIC, BankColumns.QUESTION)) {
			if (!file.header().contains(required)) {
				problems.add(new ImportProblem(0, required, "missingColumn", required));
			}
		}
		if (file.header().stream().noneMatch(c -> c.startsWith(BankColumns.ANSWER_PREFIX))) {
			problems.add(new ImportProblem(0, "answer_es", "missingColumn", "answer_<language>"));
		}
		for (String column : file.header()) {
			if (!column.isEmpty() && !BankColumns.known(column)) {
				problems.add(new ImportProblem(1, column, "unknownColumn", column));
			}
		}
		if (!problems.isEmpty()) {
			return new Result(List.of(), problems);
		}
		List<Parsed> entries = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (BankFile.Row row : file.rows()) {
			int before = problems.size();
			Parsed parsed = parseRow(row, problems);
			String key = parsed.content().key();
			if (!key.isEmpty()) {
				Integer earlier = seen.putIfAbsent(key, row.number());
				if (earlier != null) {
					problems.add(new ImportProblem(row.number(), BankColumns.ID, "duplicateId", key));
				}
			}
			if (problems.size() == before) {
				entries.add(parsed);
			}
		}
		return new Result(entries, problems);
	}

	private static Parsed parseRow(BankFile.Row row, List<ImportProblem> problems) {
		int n = row.number();
		EntryKind kind = parseEnum(EntryKind.class, row, BankColumns.KIND, EntryKind.FAQ, "badKind", problems);
		EntryStatus status = parseEnum(EntryStatus.class, row, BankColumns.STATUS, null, "badStatus", problems);
		List<String> alternatives = Arrays.stream(row.get(BankColumns.ALTERNATIVES).split("\\s*\\|\\s*"))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList();
		Map<String, String> texts = new LinkedHashMap<>();
		Map<String, String> sms = new LinkedHashMap<>();
		row.cells().forEach((column, value) -> {
			Matcher matcher = BankColumns.LANGUAGE_COLUMN.matcher(column);
			if (matcher.matches() && value != null && !value.isBlank()) {
				(matcher.group(1).equals("answer") ? texts : sms).put(matcher.group(2), value.strip());
			}
		});
		Map<String, Answer> answers = new LinkedHashMap<>();
		texts.forEach((language, text) -> answers.put(language, new Answer(text, sms.get(language))));
		sms.forEach((language, text) -> answers.putIfAbsent(language, new Answer("", text)));
		List<Attachment> attachments = parseAttachments(n, row.get(BankColumns.ATTACHMENTS), problems);
		List<String> tags = Arrays.stream(row.get(BankColumns.TAGS).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		LocalDate review = null;
		String date = row.get(BankColumns.REVIEW);
		if (!date.isEmpty()) {
			try {
				review = LocalDate.parse(date);
			}
			catch (DateTimeParseException ex) {
				problems.add(new ImportProblem(n, BankColumns.REVIEW, "badDate", date));
			}
		}
		EntryContent content = new EntryContent(row.get(BankColumns.ID).toUpperCase(Locale.ROOT),
				row.get(BankColumns.TOPIC).toLowerCase(Locale.ROOT), kind, row.get(BankColumns.QUESTION), alternatives, answers,
				attachments, tags, row.get(BankColumns.SOURCE), review);
		EntryRules.check(content).forEach(broken -> problems.add(new ImportProblem(n, broken.column(), broken.code(), broken.value())));
		return new Parsed(n, content, status);
	}

	/** One attachment a line: {@code KIND url caption}, e.g. {@code IMAGE https://example.org/a.png Hand washing}. */
	static List<Attachment> parseAttachments(int row, String cell, List<ImportProblem> problems) {
		List<Attachment> attachments = new ArrayList<>();
		for (String line : cell.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.strip().split("\\s+", 3);
			AttachmentKind kind = null;
			try {
				kind = AttachmentKind.valueOf(parts[0].toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				// reported below
			}
			if (kind == null || parts.length < 2 || !isWebAddress(parts[1])) {
				problems.add(new ImportProblem(row, BankColumns.ATTACHMENTS, "badAttachment", line.strip()));
				continue;
			}
			attachments.add(new Attachment(kind, parts[1], parts.length > 2 ? parts[2] : ""));
		}
		return attachments;
	}

	static String formatAttachments(List<Attachment> attachments) {
		return String.join("\n", attachments.stream()
			.map(a -> (a.kind() + " " + a.url() + " " + a.caption()).strip())
			.toList());
	}

	static boolean isWebAddress(String url) {
		return url.startsWith("https://") || url.startsWith("http://");
	}

	private static <E extends Enum<E>> E parseEnum(Class<E> type, BankFile.Row row, String column, E fallback, String code,
			List<ImportProblem> problems) {
		String value = row.get(column);
		if (value.isEmpty()) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace(' ', '_'));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new ImportProblem(row.number(), column, code, value));
			return fallback;
		}
	}

}
