package org.linea.survey;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.xpath.XPathExpressionException;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads an XLSForm (.xlsx with {@code survey}, {@code choices} and {@code settings} sheets) into a
 * {@link SurveyForm}, collecting every problem with its sheet, row and column before refusing.
 */
final class XlsFormReader {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

	private static final Pattern LANGUAGE_CODE = Pattern.compile("\\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)\\)\\s*$");

	private static final Set<String> YES = Set.of("yes", "true", "true()", "1", "sí", "si");

	private static final Set<String> NO = Set.of("", "no", "false", "false()", "0");

	private final List<FormProblem> problems = new ArrayList<>();

	private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

	private final Set<String> provided;

	private XlsFormReader(Set<String> provided) {
		this.provided = provided;
	}

	static SurveyForm read(InputStream in) {
		return new XlsFormReader(Set.of()).parse(in);
	}

	/**
	 * Reads a form Linea runs itself, whose expressions may also name facts the runner supplies (the
	 * closing questions know whether the number went through them before).
	 */
	static SurveyForm read(InputStream in, Set<String> provided) {
		return new XlsFormReader(provided).parse(in);
	}

	private SurveyForm parse(InputStream in) {
		Workbook workbook;
		try {
			workbook = WorkbookFactory.create(in);
		}
		catch (IOException | RuntimeException ex) {
			throw new FormRejectedException(List.of(new FormProblem("", 0, "", "notXlsx", "")));
		}
		try (workbook) {
			Map<String, String> settings = settings(sheet(workbook, "settings"));
			String defaultLanguage = languageCode(settings.getOrDefault("default_language", ""));
			Map<String, List<Choice>> choices = choices(sheet(workbook, "choices"), defaultLanguage);
			Sheet survey = sheet(workbook, "survey");
			List<Question> questions = survey == null ? List.of() : questions(survey, defaultLanguage, choices);
			if (survey == null) {
				this.problems.add(new FormProblem("survey", 0, "", "noSurveySheet", ""));
			}
			else if (questions.isEmpty() && this.problems.isEmpty()) {
				this.problems.add(new FormProblem("survey", 0, "", "noQuestions", ""));
			}
			if (!this.problems.isEmpty()) {
				throw new FormRejectedException(this.problems);
			}
			String formId = settings.getOrDefault("form_id", "");
			String title = settings.getOrDefault("form_title", "");
			return new SurveyForm(formId.isBlank() ? "survey" : formId, settings.getOrDefault("version", ""),
					title.isBlank() ? (formId.isBlank() ? "Survey" : formId) : title,
					defaultLanguage.isBlank() ? "default" : defaultLanguage, questions, choices);
		}
		catch (IOException ex) {
			throw new FormRejectedException(List.of(new FormProblem("", 0, "", "notXlsx", "")));
		}
	}

	private static Sheet sheet(Workbook workbook, String name) {
		for (Sheet sheet : workbook) {
			if (sheet.getSheetName().strip().equalsIgnoreCase(name)) {
				return sheet;
			}
		}
		return null;
	}

	/** Header names (lower case, trimmed) by column index. */
	private Map<Integer, String> header(Sheet sheet) {
		Map<Integer, String> header = new LinkedHashMap<>();
		Row row = sheet.getRow(sheet.getFirstRowNum());
		if (row == null) {
			return header;
		}
		for (Cell cell : row) {
			String name = this.formatter.formatCellValue(cell).strip();
			if (!name.isEmpty()) {
				header.put(cell.getColumnIndex(), name);
			}
		}
		return header;
	}

	/** The row's cells by header name, empty cells left out. */
	private Map<String, String> cells(Row row, Map<Integer, String> header) {
		Map<String, String> cells = new LinkedHashMap<>();
		header.forEach((index, name) -> {
			Cell cell = row.getCell(index);
			String value = cell == null ? "" : this.formatter.formatCellValue(cell).strip();
			if (!value.isEmpty()) {
				cells.put(name, value);
			}
		});
		return cells;
	}

	/** A data row that is not empty, with its number as a spreadsheet shows it. */
	private record SheetRow(int number, Map<String, String> cells) {
	}

	private List<SheetRow> rows(Sheet sheet, Map<Integer, String> header) {
		List<SheetRow> rows = new ArrayList<>();
		for (Row row : sheet) {
			Map<String, String> cells = row.getRowNum() == sheet.getFirstRowNum() ? Map.of() : cells(row, header);
			if (!cells.isEmpty()) {
				rows.add(new SheetRow(row.getRowNum() + 1, cells));
			}
		}
		return rows;
	}

	/** Whether the header has the columns; a problem for each one missing. */
	private boolean hasColumns(String sheet, Map<Integer, String> header, String... columns) {
		boolean all = true;
		for (String column : columns) {
			if (!header.containsValue(column)) {
				this.problems.add(new FormProblem(sheet, 1, column, "missingColumn", column));
				all = false;
			}
		}
		return all;
	}

	private Map<String, String> settings(Sheet sheet) {
		Map<String, String> settings = new LinkedHashMap<>();
		if (sheet == null) {
			return settings;
		}
		Map<Integer, String> header = header(sheet);
		Row values = sheet.getRow(sheet.getFirstRowNum() + 1);
		if (values != null) {
			cells(values, header).forEach((name, value) -> settings.put(name.toLowerCase(Locale.ROOT), value));
		}
		return settings;
	}

	private Map<String, List<Choice>> choices(Sheet sheet, String defaultLanguage) {
		Map<String, List<Choice>> lists = new LinkedHashMap<>();
		if (sheet == null) {
			return lists;
		}
		Map<Integer, String> header = header(sheet);
		if (!hasColumns("choices", header, "list_name", "name")) {
			return lists;
		}
		Set<String> seen = new HashSet<>();
		for (SheetRow row : rows(sheet, header)) {
			Map<String, String> cells = row.cells();
			int number = row.number();
			String list = cells.getOrDefault("list_name", "");
			String name = cells.getOrDefault("name", "");
			if (list.isEmpty()) {
				this.problems.add(new FormProblem("choices", number, "list_name", "missingListName", ""));
				continue;
			}
			if (name.isEmpty()) {
				this.problems.add(new FormProblem("choices", number, "name", "missingName", ""));
				continue;
			}
			if (name.contains(" ")) {
				this.problems.add(new FormProblem("choices", number, "name", "badChoiceName", name));
			}
			if (!seen.add(list + "\u0000" + name)) {
				this.problems.add(new FormProblem("choices", number, "name", "duplicateChoice", name));
			}
			Map<String, String> labels = translated(cells, "label", defaultLanguage);
			if (labels.isEmpty()) {
				this.problems.add(new FormProblem("choices", number, "label", "missingLabel", name));
			}
			Map<String, String> columns = new LinkedHashMap<>(cells);
			columns.keySet().removeIf(column -> column.equals("list_name") || column.equals("name") || column.startsWith("label"));
			lists.computeIfAbsent(list, l -> new ArrayList<>()).add(new Choice(name, labels, columns));
		}
		return lists;
	}

	private List<Question> questions(Sheet sheet, String defaultLanguage, Map<String, List<Choice>> choices) {
		Map<Integer, String> header = header(sheet);
		if (!hasColumns("survey", header, "type", "name")) {
			return List.of();
		}
		List<Question> questions = new ArrayList<>();
		List<Map<String, String>> expressions = new ArrayList<>();
		Deque<String[]> groups = new ArrayDeque<>();
		Set<String> names = new HashSet<>();
		for (SheetRow row : rows(sheet, header)) {
			Map<String, String> cells = row.cells();
			int number = row.number();
			String type = cells.getOrDefault("type", "").strip().replaceAll("\\s+", " ");
			String keyword = type.contains(" ") ? type.substring(0, type.indexOf(' ')) : type;
			String name = cells.getOrDefault("name", "");
			String lower = keyword.toLowerCase(Locale.ROOT).replace(' ', '_');
			if (lower.equals("end_group") || lower.equals("end")) {
				if (groups.isEmpty()) {
					this.problems.add(new FormProblem("survey", number, "type", "unmatchedEndGroup", type));
				}
				else {
					groups.pop();
				}
				continue;
			}
			if (type.isEmpty()) {
				this.problems.add(new FormProblem("survey", number, "type", "missingType", name));
				continue;
			}
			if (!checkName(number, name, names)) {
				continue;
			}
			expressions.add(expressionCells(number, cells));
			if (lower.equals("begin_group") || lower.equals("begin")) {
				String relevant = cells.get("relevant");
				groups.push(new String[] { name, relevant });
				continue;
			}
			QuestionType questionType = QuestionType.of(keyword).orElse(null);
			if (questionType == null) {
				this.problems.add(new FormProblem("survey", number, "type", "unknownType", type));
				continue;
			}
			String listName = null;
			if (questionType.select()) {
				listName = type.contains(" ") ? type.substring(type.indexOf(' ') + 1).strip() : "";
				if (listName.isEmpty() || !choices.containsKey(listName)) {
					this.problems.add(new FormProblem("survey", number, "type", "unknownList", listName));
				}
			}
			Map<String, String> labels = translated(cells, "label", defaultLanguage);
			if (labels.isEmpty()) {
				this.problems.add(new FormProblem("survey", number, "label", "missingLabel", name));
			}
			Boolean required = yesNo(number, cells.getOrDefault("required", ""));
			questions.add(new Question(questionType, name, listName, labels, translated(cells, "hint", defaultLanguage),
					Boolean.TRUE.equals(required), translated(cells, "required_message", defaultLanguage),
					joinRelevance(groups, cells.get("relevant")), cells.get("constraint"),
					translated(cells, "constraint_message", defaultLanguage), cells.get("default"), cells.get("choice_filter"),
					groups.isEmpty() ? null : groups.peek()[0], number));
		}
		if (!groups.isEmpty()) {
			this.problems.add(new FormProblem("survey", 0, "type", "unclosedGroup", groups.peek()[0]));
		}
		for (Map<String, String> cells : expressions) {
			checkExpressions(cells, names);
		}
		return questions;
	}

	private boolean checkName(int row, String name, Set<String> names) {
		if (name.isEmpty()) {
			this.problems.add(new FormProblem("survey", row, "name", "missingName", ""));
			return false;
		}
		if (!NAME.matcher(name).matches() || name.equals(Expressions.SELF)) {
			this.problems.add(new FormProblem("survey", row, "name", "badName", name));
			return false;
		}
		if (!names.add(name)) {
			this.problems.add(new FormProblem("survey", row, "name", "duplicateName", name));
			return false;
		}
		return true;
	}

	private Boolean yesNo(int row, String value) {
		String lower = value.strip().toLowerCase(Locale.ROOT);
		if (YES.contains(lower)) {
			return true;
		}
		if (NO.contains(lower)) {
			return false;
		}
		this.problems.add(new FormProblem("survey", row, "required", "badRequired", value));
		return null;
	}

	private static String joinRelevance(Deque<String[]> groups, String own) {
		List<String> parts = new ArrayList<>();
		groups.descendingIterator().forEachRemaining(group -> {
			if (group[1] != null) {
				parts.add(group[1]);
			}
		});
		if (own != null) {
			parts.add(own);
		}
		if (parts.isEmpty()) {
			return null;
		}
		return parts.size() == 1 ? parts.get(0) : "(" + String.join(") and (", parts) + ")";
	}

	private static Map<String, String> expressionCells(int row, Map<String, String> cells) {
		Map<String, String> found = new LinkedHashMap<>();
		found.put("#row", String.valueOf(row));
		for (String column : List.of("relevant", "constraint", "choice_filter")) {
			if (cells.containsKey(column)) {
				found.put(column, cells.get(column));
			}
		}
		return found;
	}

	private void checkExpressions(Map<String, String> cells, Set<String> names) {
		int row = Integer.parseInt(cells.get("#row"));
		cells.forEach((column, expression) -> {
			if (column.equals("#row")) {
				return;
			}
			for (String reference : Expressions.references(expression)) {
				if (!names.contains(reference) && !this.provided.contains(reference)) {
					this.problems.add(new FormProblem("survey", row, column, "unknownReference", reference));
				}
			}
			try {
				Expressions.check(expression);
			}
			catch (XPathExpressionException | RuntimeException ex) {
				this.problems.add(new FormProblem("survey", row, column, "badExpression", expression));
			}
		});
	}

	/** {@code label}, {@code label::Español (es)}, {@code label::es}: texts by language code. */
	private static Map<String, String> translated(Map<String, String> cells, String column, String defaultLanguage) {
		Map<String, String> texts = new LinkedHashMap<>();
		cells.forEach((name, value) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.equals(column)) {
				texts.putIfAbsent(defaultLanguage.isBlank() ? "default" : defaultLanguage, value);
			}
			else if (lower.startsWith(column + "::")) {
				String language = languageCode(name.substring(column.length() + 2));
				texts.put(language.isBlank() ? "default" : language, value);
			}
		});
		return texts;
	}

	/** {@code Español (es)} gives {@code es}; {@code es} stays; {@code English} gives {@code english}. */
	static String languageCode(String language) {
		Matcher code = LANGUAGE_CODE.matcher(language.strip());
		if (code.find()) {
			return code.group(1).toLowerCase(Locale.ROOT);
		}
		return language.strip().toLowerCase(Locale.ROOT);
	}

}
