package org.linea.survey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a form as an XLSForm (.xlsx with {@code survey}, {@code choices} and {@code settings}
 * sheets) that {@link XlsFormReader}, KoboToolbox and ODK read: labels per language in
 * {@code label::Español (es)} columns, groups as {@code begin_group}/{@code end_group} rows around
 * their questions (a grouped question carries its group's relevance joined to its own, so the group
 * row has none). Reading the file back gives the same form. Only the innermost group of a question is
 * known, so nested groups come back as one level.
 */
final class XlsFormWriter {

	/** What a data row of the written file holds, to say where a problem is on the survey page. */
	record Place(String kind, int index) {

		static final String QUESTION = "question";

		static final String GROUP = "group";

		static final String CHOICE = "choice";

	}

	/** The file, and what each row of the survey and choices sheets holds, by row number as a spreadsheet shows it. */
	record Written(byte[] xlsx, Map<Integer, Place> surveyRows, Map<Integer, Place> choiceRows) {
	}

	private XlsFormWriter() {
	}

	static byte[] write(SurveyForm form) {
		return write(SurveyDraft.of(form, List.of())).xlsx();
	}

	static Written write(SurveyDraft draft) {
		Map<Integer, Place> surveyRows = new LinkedHashMap<>();
		Map<Integer, Place> choiceRows = new LinkedHashMap<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			survey(workbook.createSheet("survey"), draft, surveyRows);
			choices(workbook.createSheet("choices"), draft, choiceRows);
			settings(workbook.createSheet("settings"), draft);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return new Written(out.toByteArray(), surveyRows, choiceRows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code label} for texts in no language, else {@code label::Español (es)}. */
	static String column(String base, String language) {
		if (language == null || language.equals("default")) {
			return base;
		}
		return base + "::" + languageName(language);
	}

	/** {@code Spanish (es)}, as Kobo names a language; the reader takes the code in brackets. */
	static String languageName(String language) {
		String name = Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
		return name.isBlank() || name.equalsIgnoreCase(language) ? language : name + " (" + language + ")";
	}

	private static void survey(Sheet sheet, SurveyDraft draft, Map<Integer, Place> places) {
		List<SurveyDraft.DraftQuestion> questions = draft.questions();
		List<String> header = new ArrayList<>(List.of("type", "name"));
		Map<String, Function<SurveyDraft.DraftQuestion, String>> cells = new LinkedHashMap<>();
		cells.put("type", SurveyDraft.DraftQuestion::typeCell);
		cells.put("name", SurveyDraft.DraftQuestion::name);
		translated(cells, "label", draft.languages(), questions, SurveyDraft.DraftQuestion::labels, true);
		translated(cells, "hint", draft.languages(), questions, SurveyDraft.DraftQuestion::hints, false);
		cells.put("required", q -> "yes".equalsIgnoreCase(strip(q.required())) ? "yes" : strip(q.required()).equalsIgnoreCase("no") ? "" : q.required());
		translated(cells, "required_message", draft.languages(), questions, SurveyDraft.DraftQuestion::requiredMessages, false);
		cells.put("relevant", SurveyDraft.DraftQuestion::relevant);
		cells.put("constraint", SurveyDraft.DraftQuestion::constraint);
		translated(cells, "constraint_message", draft.languages(), questions, SurveyDraft.DraftQuestion::constraintMessages, false);
		cells.put("default", SurveyDraft.DraftQuestion::defaultValue);
		cells.put("choice_filter", SurveyDraft.DraftQuestion::choiceFilter);
		header = new ArrayList<>(cells.keySet());
		row(sheet, 0, header);
		int r = 1;
		String open = null;
		for (int i = 0; i < questions.size(); i++) {
			SurveyDraft.DraftQuestion question = questions.get(i);
			String group = SurveyDraft.blank(question.group()) ? null : question.group().strip();
			if (open != null && !open.equals(group)) {
				row(sheet, r++, List.of("end_group"));
				open = null;
			}
			if (group != null && open == null) {
				List<String> begin = new ArrayList<>(List.of("begin_group", group));
				header.stream().skip(2).forEach(column -> begin.add(column.startsWith("label") ? group : ""));
				places.put(r + 1, new Place(Place.GROUP, i));
				row(sheet, r++, begin);
				open = group;
			}
			List<String> values = new ArrayList<>();
			cells.values().forEach(cell -> values.add(cell.apply(question)));
			places.put(r + 1, new Place(Place.QUESTION, i));
			row(sheet, r++, values);
		}
		if (open != null) {
			row(sheet, r, List.of("end_group"));
		}
	}

	/** A column per language; an optional text gets columns only in the languages some row uses. */
	private static <T> void translated(Map<String, Function<T, String>> cells, String base, List<String> languages, List<T> rows,
			Function<T, Map<String, String>> texts, boolean always) {
		for (String language : languages) {
			boolean used = always || rows.stream().anyMatch(row -> !SurveyDraft.blank(textOf(texts.apply(row), language)));
			if (used) {
				cells.put(column(base, language), row -> textOf(texts.apply(row), language));
			}
		}
	}

	private static String textOf(Map<String, String> texts, String language) {
		return texts == null ? null : texts.get(language);
	}

	private static void choices(Sheet sheet, SurveyDraft draft, Map<Integer, Place> places) {
		List<SurveyDraft.DraftChoice> choices = draft.choices();
		Map<String, Function<SurveyDraft.DraftChoice, String>> cells = new LinkedHashMap<>();
		cells.put("list_name", SurveyDraft.DraftChoice::listName);
		cells.put("name", SurveyDraft.DraftChoice::name);
		translated(cells, "label", draft.languages(), choices, SurveyDraft.DraftChoice::labels, true);
		Set<String> extra = new LinkedHashSet<>();
		choices.forEach(choice -> {
			if (choice.columns() != null) {
				extra.addAll(choice.columns().keySet());
			}
		});
		extra.removeIf(column -> cells.containsKey(column) || column.startsWith("label"));
		extra.forEach(column -> cells.put(column, choice -> choice.columns() == null ? null : choice.columns().get(column)));
		row(sheet, 0, List.copyOf(cells.keySet()));
		for (int i = 0; i < choices.size(); i++) {
			SurveyDraft.DraftChoice choice = choices.get(i);
			List<String> values = new ArrayList<>();
			cells.values().forEach(cell -> values.add(cell.apply(choice)));
			places.put(i + 2, new Place(Place.CHOICE, i));
			row(sheet, i + 1, values);
		}
	}

	private static void settings(Sheet sheet, SurveyDraft draft) {
		String language = SurveyDraft.blank(draft.defaultLanguage()) || draft.defaultLanguage().equals("default") ? ""
				: languageName(draft.defaultLanguage().strip());
		row(sheet, 0, List.of("form_id", "form_title", "version", "default_language"));
		row(sheet, 1, List.of(strip(draft.formId()), strip(draft.title()), strip(draft.version()), language));
	}

	private static void row(Sheet sheet, int number, List<String> values) {
		Row row = sheet.createRow(number);
		for (int c = 0; c < values.size(); c++) {
			String value = values.get(c);
			if (value != null && !value.isBlank()) {
				row.createCell(c).setCellValue(value);
			}
		}
	}

	private static String strip(String value) {
		return value == null ? "" : value.strip();
	}

}
