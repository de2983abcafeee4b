package org.linea.survey;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A form written back as an XLSForm reads as the same form; the survey page's form passes the import's checks. */
class XlsFormWriterTests {

	private static SurveyForm read(byte[] xlsx) {
		return XlsFormReader.read(new ByteArrayInputStream(xlsx));
	}

	/** The form without the row numbers, which say where a question was in the file it came from. */
	private static SurveyForm withoutRows(SurveyForm form) {
		return new SurveyForm(form.formId(), form.version(), form.title(), form.defaultLanguage(), form.questions()
			.stream()
			.map(q -> new Question(q.type(), q.name(), q.listName(), q.labels(), q.hints(), q.required(), q.requiredMessages(),
					q.relevant(), q.constraint(), q.constraintMessages(), q.defaultValue(), q.choiceFilter(), q.group(), 0))
			.toList(), form.choices());
	}

	@Test
	void anImportedFormWithEveryTypeExportsToAFileThatImportsAsTheSameForm() throws Exception {
		SurveyForm imported = read(XlsForms.everyType().bytes());
		byte[] exported = XlsFormWriter.write(imported);
		SurveyForm again = read(exported);
		assertThat(withoutRows(again)).isEqualTo(withoutRows(imported));
		// and once more: the export of the re-import is the same file, row for row
		assertThat(withoutRows(read(XlsFormWriter.write(again)))).isEqualTo(withoutRows(imported));
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(exported))) {
			assertThat(workbook.getSheet("survey")).isNotNull();
			assertThat(workbook.getSheet("choices")).isNotNull();
			Sheet settings = workbook.getSheet("settings");
			assertThat(cells(settings.getRow(0))).containsExactly("form_id", "form_title", "version", "default_language");
			assertThat(cells(settings.getRow(1))).containsExactly("needs_2026", "Necesidades 2026", "1", "Spanish (es)");
			List<String> header = cells(workbook.getSheet("survey").getRow(0));
			assertThat(header).contains("type", "name", "label::Spanish (es)", "label::English (en)", "hint::Spanish (es)",
					"constraint_message::Spanish (es)", "relevant", "constraint", "choice_filter");
			// the group is written as Kobo writes it, around its questions
			assertThat(cells(workbook.getSheet("survey").getRow(3)).subList(0, 2)).containsExactly("begin_group", "about");
			assertThat(cells(workbook.getSheet("choices").getRow(0))).contains("list_name", "name", "label::Spanish (es)", "country");
		}
	}

	@Test
	void aFormInNoLanguageKeepsPlainLabelColumns() {
		SurveyForm plain = read(new XlsForms().sheet("survey", new String[] { "type", "name", "label", "required" },
				new String[] { "select_one yn", "ok", "OK?", "yes" }, new String[] { "text", "why", "Why?" })
			.sheet("choices", new String[] { "list_name", "name", "label" }, new String[] { "yn", "y", "Yes" },
					new String[] { "yn", "n", "No" })
			.bytes());
		assertThat(plain.defaultLanguage()).isEqualTo("default");
		assertThat(withoutRows(read(XlsFormWriter.write(plain)))).isEqualTo(withoutRows(plain));
	}

	private static LinkedMultiValueMap<String, String> page() {
		LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.addAll("languages", List.of("es", "en"));
		params.add("defaultLanguage", "es");
		params.add("formId", "seguimiento");
		params.add("title", "Seguimiento de egresados");
		params.add("version", "1");
		question(params, "select_one", "yes_no", "empleo", "¿Tienes empleo?", "Do you have a job?", "yes", "", "");
		question(params, "integer", "", "meses", "¿Cuántos meses?", "How many months?", "yes", "${empleo} = 'si'", ". >= 0 and . < 120");
		question(params, "text", "", "comentario", "¿Algo más?", "", "no", "", "");
		choice(params, "yes_no", "si", "Sí", "Yes");
		choice(params, "yes_no", "no", "No", "No");
		return params;
	}

	private static void question(LinkedMultiValueMap<String, String> params, String type, String list, String name, String es,
			String en, String required, String relevant, String constraint) {
		params.add("q.type", type);
		params.add("q.list", list);
		params.add("q.name", name);
		params.add("q.group", "");
		params.add("q.label.es", es);
		params.add("q.label.en", en);
		params.add("q.hint.es", "");
		params.add("q.hint.en", "");
		params.add("q.required", required);
		params.add("q.requiredMessage.es", "");
		params.add("q.requiredMessage.en", "");
		params.add("q.relevant", relevant);
		params.add("q.constraint", constraint);
		params.add("q.constraintMessage.es", constraint.isEmpty() ? "" : "Entre 0 y 119");
		params.add("q.constraintMessage.en", "");
		params.add("q.default", "");
		params.add("q.choiceFilter", "");
	}

	private static void choice(LinkedMultiValueMap<String, String> params, String list, String name, String es, String en) {
		params.add("c.list", list);
		params.add("c.name", name);
		params.add("c.label.es", es);
		params.add("c.label.en", en);
		params.add("c.columns", "");
	}

	@Test
	void aFormWrittenOnTheSurveyPageReadsAsItWasWrittenAndRoundTrips() {
		SurveyDraft draft = BuilderForm.read(page());
		SurveyForm form = read(XlsFormWriter.write(draft).xlsx());
		assertThat(form.formId()).isEqualTo("seguimiento");
		assertThat(form.defaultLanguage()).isEqualTo("es");
		assertThat(form.questions()).extracting(Question::name).containsExactly("empleo", "meses", "comentario");
		Question months = form.question("meses").orElseThrow();
		assertThat(months.labels()).isEqualTo(Map.of("es", "¿Cuántos meses?", "en", "How many months?"));
		assertThat(months.relevant()).isEqualTo("${empleo} = 'si'");
		assertThat(months.constraintMessages()).isEqualTo(Map.of("es", "Entre 0 y 119"));
		assertThat(form.question("comentario").orElseThrow().required()).isFalse();
		assertThat(form.choices().get("yes_no")).extracting(Choice::name).containsExactly("si", "no");
		// shown on the page again and saved unchanged, it is the same form
		SurveyDraft shown = SurveyDraft.of(form, List.of("es", "en"));
		assertThat(withoutRows(read(XlsFormWriter.write(shown).xlsx()))).isEqualTo(withoutRows(form));
	}

	@Test
	void problemsOnThePageAreTheImportsAndNameTheQuestionOrChoiceAtFault() {
		LinkedMultiValueMap<String, String> params = page();
		params.get("q.constraint").set(1, ". >>> 3");
		params.get("q.relevant").set(2, "${empelo} = 'si'");
		params.get("q.name").set(2, "meses");
		params.get("c.name").set(1, "no way");
		SurveyDraft draft = BuilderForm.read(params);
		XlsFormWriter.Written written = XlsFormWriter.write(draft);
		FormRejectedException refused = catchThrowableOfType(FormRejectedException.class, () -> read(written.xlsx()));
		assertThat(refused.problems()).extracting(FormProblem::code)
			.containsExactlyInAnyOrder("badExpression", "duplicateName", "badChoiceName");
		BuilderProblems problems = BuilderProblems.of(new DraftRejectedException(refused.problems(), written), draft,
				new org.springframework.context.support.StaticMessageSource() {
					{
						setUseCodeAsDefaultMessage(true);
					}
				}, java.util.Locale.ENGLISH);
		assertThat(problems.invalid()).containsExactlyInAnyOrder("q1.constraint", "q2.name", "c1.name");
	}

	@Test
	void whateverIsPostedGivesADraftNeverAnError() {
		LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("q.type", "rating");
		params.add("languages", "<script>");
		params.add("q.label.xx", "ignored");
		SurveyDraft draft = BuilderForm.read(params);
		assertThat(draft.languages()).containsExactly("default");
		FormRejectedException refused = catchThrowableOfType(FormRejectedException.class, () -> read(XlsFormWriter.write(draft).xlsx()));
		assertThat(refused.problems()).extracting(FormProblem::code).contains("missingName");
	}

	@Test
	void theVersionAfterOneIsTheNextNumber() {
		assertThat(SurveyForm.nextVersion("3")).isEqualTo("4");
		assertThat(SurveyForm.nextVersion("v9")).isEqualTo("v10");
		assertThat(SurveyForm.nextVersion("2026111501")).isEqualTo("2026111502");
		assertThat(SurveyForm.nextVersion("beta")).isEqualTo("beta-2");
		assertThat(SurveyForm.nextVersion("")).isEqualTo("2");
	}

	private static List<String> cells(Row row) {
		DataFormatter formatter = new DataFormatter();
		List<String> cells = new java.util.ArrayList<>();
		row.forEach(cell -> cells.add(formatter.formatCellValue(cell)));
		return cells;
	}

}
