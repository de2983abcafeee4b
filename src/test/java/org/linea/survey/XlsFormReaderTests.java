package org.linea.survey;

import java.io.ByteArrayInputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class XlsFormReaderTests {

	private static SurveyForm read(XlsForms form) {
		return XlsFormReader.read(new ByteArrayInputStream(form.bytes()));
	}

	@Test
	void readsEveryTypeWithLabelsByLanguageSettingsAndGroupRelevance() {
		SurveyForm form = read(XlsForms.everyType());
		assertThat(form.formId()).isEqualTo("needs_2026");
		assertThat(form.version()).isEqualTo("1");
		assertThat(form.defaultLanguage()).isEqualTo("es");
		assertThat(form.questions()).extracting(Question::type)
			.containsExactly(QuestionType.NOTE, QuestionType.SELECT_ONE, QuestionType.INTEGER, QuestionType.SELECT_ONE,
					QuestionType.SELECT_ONE, QuestionType.SELECT_MULTIPLE, QuestionType.DECIMAL, QuestionType.DATE, QuestionType.TEXT);
		Question age = form.question("age").orElseThrow();
		assertThat(age.labels()).containsEntry("es", "¿Cuántos años tienes?").containsEntry("en", "Your age");
		assertThat(age.required()).isTrue();
		assertThat(age.group()).isEqualTo("about");
		assertThat(age.relevant()).isEqualTo("${consent} = 'yes'");
		assertThat(age.constraintMessages()).containsEntry("es", "La edad va de 15 a 99");
		assertThat(form.question("city").orElseThrow().choiceFilter()).isEqualTo("country=${country}");
		assertThat(form.choices().get("city")).extracting(Choice::columns).first().isEqualTo(Map.of("country", "pe"));
		assertThat(form.question("comment").orElseThrow().required()).isFalse();
	}

	@Test
	void aBrokenFormNamesEverySheetRowAndColumnAtFault() {
		XlsForms broken = new XlsForms().sheet("survey", new String[] { "type", "name", "label", "relevant", "required" },
				new String[] { "select_one colours", "colour", "Colour" },
				new String[] { "integer", "age", "Age", "${agee} > 3" },
				new String[] { "rating", "stars", "Stars" },
				new String[] { "text", "age", "Again" },
				new String[] { "text", "why", "Why", ". >>> 2", "maybe" },
				new String[] { "begin_group", "g", "Group" })
			.sheet("choices", new String[] { "list_name", "name", "label" }, new String[] { "yes_no", "yes", "Yes" });
		FormRejectedException refused = catchThrowableOfType(FormRejectedException.class, () -> read(broken));
		assertThat(refused.problems()).extracting(p -> p.sheet() + ":" + p.row() + ":" + p.column() + ":" + p.code())
			.containsExactlyInAnyOrder("survey:2:type:unknownList", "survey:4:type:unknownType", "survey:5:name:duplicateName",
					"survey:6:required:badRequired", "survey:0:type:unclosedGroup", "survey:3:relevant:unknownReference",
					"survey:6:relevant:badExpression");
	}

	@Test
	void aFileThatIsNoWorkbookOrHasNoSurveySheetIsRefused() {
		assertThatThrownBy(() -> XlsFormReader.read(new ByteArrayInputStream("type,name\n".getBytes())))
			.isInstanceOfSatisfying(FormRejectedException.class, ex -> assertThat(ex.problems().get(0).code()).isEqualTo("notXlsx"));
		assertThatThrownBy(() -> read(new XlsForms().sheet("choices", new String[] { "list_name", "name", "label" })))
			.isInstanceOfSatisfying(FormRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(FormProblem::code).containsExactly("noSurveySheet"));
	}

	@Test
	void aMissingRequiredColumnIsNamed() {
		FormRejectedException refused = catchThrowableOfType(FormRejectedException.class,
				() -> read(new XlsForms().sheet("survey", new String[] { "type", "label" }, new String[] { "text", "Why" })));
		assertThat(refused.problems()).containsExactly(new FormProblem("survey", 1, "name", "missingColumn", "name"));
	}

}
