package org.linea.knowledge;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.linea.shared.InvalidRequestException;

/**
 * The entry page's form, as posted: one field per language ({@code answer_es}, {@code sms_es}), one
 * alternative phrasing a line, one attachment a line ({@code KIND address caption}), tags by commas.
 */
final class EntryForm {

	private EntryForm() {
	}

	static EntryContent read(Map<String, String> fields) {
		Map<String, Answer> answers = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (name.startsWith(BankColumns.ANSWER_PREFIX) && value != null && !value.isBlank()) {
				String language = name.substring(BankColumns.ANSWER_PREFIX.length());
				answers.put(language, new Answer(value, fields.get(BankColumns.SMS_PREFIX + language)));
			}
		});
		List<ImportProblem> problems = new ArrayList<>();
		List<Attachment> attachments = BankRows.parseAttachments(0, field(fields, BankColumns.ATTACHMENTS), problems);
		if (!problems.isEmpty()) {
			throw new ImportFailedException(problems);
		}
		LocalDate review = null;
		String date = field(fields, BankColumns.REVIEW);
		if (!date.isEmpty()) {
			try {
				review = LocalDate.parse(date);
			}
			catch (DateTimeParseException ex) {
				throw new ImportFailedException(List.of(new ImportProblem(0, BankColumns.REVIEW, "badDate", date)));
			}
		}
		EntryKind kind;
		try {
			kind = EntryKind.valueOf(field(fields, BankColumns.KIND).isEmpty() ? "FAQ" : field(fields, BankColumns.KIND));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("error.knowledge.unknown-kind");
		}
		return new EntryContent(field(fields, BankColumns.ID).toUpperCase(Locale.ROOT),
				field(fields, BankColumns.TOPIC).toLowerCase(Locale.ROOT), kind, field(fields, BankColumns.QUESTION),
				field(fields, BankColumns.ALTERNATIVES).lines().toList(), answers, attachments,
				Arrays.stream(field(fields, BankColumns.TAGS).split(",")).toList(), field(fields, BankColumns.SOURCE), review);
	}

	private static String field(Map<String, String> fields, String name) {
		String value = fields.get(name);
		return value == null ? "" : value.strip();
	}

}
