package org.linea.survey;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The surveys shipped with Linea import cleanly and speak every language a line may speak. */
class ReadyMadeFormsTests {

	private static final List<String> LANGUAGES = List.of("es", "en", "pt", "fr", "ht");

	@Test
	void theInformationNeedsSurveyHasEveryTextInFiveLanguages() {
		SurveyForm form = XlsFormReader.read(new ByteArrayInputStream(SurveyService.readyMade("information-needs")));
		assertThat(form.formId()).isEqualTo("information_needs");
		assertThat(form.defaultLanguage()).isEqualTo("es");
		assertThat(form.answerable()).extracting(Question::name)
			.containsExactly("topics", "topics_other", "format", "frequency", "trusted_source", "unanswered", "unanswered_question");
		form.questions().forEach(q -> assertThat(q.labels()).as(q.name()).containsOnlyKeys(LANGUAGES));
		form.choices().forEach((list, choices) -> choices.forEach(c -> assertThat(c.labels()).as(list + "/" + c.name())
			.containsOnlyKeys(LANGUAGES)));
		assertThat(form.question("topics").orElseThrow().constraintMessages()).containsOnlyKeys(LANGUAGES);
		// a short choice list goes out as buttons: its labels fit a button in every language
		form.choices().get("yes_no").forEach(c -> c.labels().values().forEach(l -> assertThat(l.length()).isLessThanOrEqualTo(20)));
		// exported and imported again, it is the same form
		assertThat(XlsFormReader.read(new ByteArrayInputStream(XlsFormWriter.write(form))).choices()).isEqualTo(form.choices());
	}

}
