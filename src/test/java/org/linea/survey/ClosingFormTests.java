package org.linea.survey;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closing questions are a form the survey engine runs (survey/closing.xlsx): every text in the five
 * languages a line speaks, the demographic questions relevant only with consent, the phone question only
 * for a number seen before, and replies read by the engine in any of the languages.
 */
class ClosingFormTests {

	private static final List<String> LANGUAGES = List.of("es", "en", "pt", "fr", "ht");

	private static final SurveyForm FORM = ClosingFlow.form();

	private static Optional<String> read(String question, String text, String language) {
		return ClosingFlow.read(FORM.question(question).orElseThrow(), Map.of(), text, language);
	}

	private static List<String> asked(Map<String, String> answers) {
		List<String> names = new java.util.ArrayList<>();
		Question at = null;
		Map<String, String> so = new java.util.HashMap<>(answers);
		while (true) {
			List<Question> steps = FORM.nextSteps(at, so);
			if (steps.isEmpty()) {
				return names;
			}
			at = steps.getLast();
			names.add(at.name());
			so.putIfAbsent(at.name(), "x");
		}
	}

	@Test
	void theClosingFormHasEveryTextInFiveLanguagesAndTheNamesTheLedgerKnows() {
		assertThat(FORM.formId()).isEqualTo("closing");
		assertThat(FORM.version()).as("the wording version in the consent ledger").isEqualTo("closing-v1");
		assertThat(FORM.answerable()).extracting(Question::name)
			.containsExactly("satisfaction", "shared_phone", "consent_demographics", "gender", "age_range", "location", "migrant_status",
					"consent_info_broadcasts", "consent_surveys");
		FORM.questions().forEach(q -> {
			assertThat(q.labels()).as(q.name()).containsOnlyKeys(LANGUAGES);
			q.labels().forEach((language, label) -> {
				if (!language.equals("en")) {
					assertThat(label).as(q.name() + " in " + language).isNotEqualTo(q.labels().get("en"));
				}
			});
		});
		FORM.choices().forEach((list, choices) -> choices.forEach(c -> assertThat(c.labels()).as(list + "/" + c.name())
			.containsOnlyKeys(LANGUAGES)));
		assertThat(FORM.choices().get("yes_no")).extracting(Choice::name).containsExactly("YES", "NO");
		assertThat(FORM.choices().get("satisfaction")).extracting(Choice::name).containsExactly("1", "2", "3", "4", "5");
		// yes and no fit a reply button in every language
		FORM.choices().get("yes_no").forEach(c -> c.labels().values().forEach(l -> assertThat(l.length()).isLessThanOrEqualTo(20)));
	}

	@Test
	void refusingConsentSkipsTheDemographicQuestionsAndTheSharedPhoneIsAskedOnlyOfANumberSeenBefore() {
		Map<String, String> firstTime = Map.of("closed_before", "no", "phone_use", "UNKNOWN");
		assertThat(asked(Map.of("closed_before", "no", "phone_use", "UNKNOWN", "consent_demographics", "NO")))
			.containsExactly("satisfaction", "consent_demographics", "consent_info_broadcasts", "consent_surveys");
		assertThat(asked(Map.of("closed_before", "yes", "phone_use", "UNKNOWN", "consent_demographics", "YES")))
			.containsExactly("satisfaction", "shared_phone", "consent_demographics", "gender", "age_range", "location", "migrant_status",
					"consent_info_broadcasts", "consent_surveys");
		assertThat(asked(Map.of("closed_before", "yes", "phone_use", "OWN", "consent_demographics", "NO")))
			.doesNotContain("shared_phone");
		assertThat(FORM.nextSteps(null, firstTime)).extracting(Question::name).containsExactly("satisfaction");
	}

	@Test
	void asNumberedTextALongOptionKeepsItsWholeLabel() {
		Question migrant = FORM.question("migrant_status").orElseThrow();
		String sms = Prompts.question(FORM, migrant, FORM.choicesOf(migrant), "es", (key, args) -> "Elegir").preview();
		assertThat(sms).contains("¿Cuál es tu situación?").contains("1. Persona migrante o refugiada")
			.contains("4. No sé / prefiero no decir");
	}

	@Test
	void aWordInPortugueseFrenchOrCreoleAnswersAClosingQuestion() {
		assertThat(read("satisfaction", "Muito bom, obrigado!", "pt")).contains("5");
		assertThat(read("consent_demographics", "não", "pt")).contains("NO");
		assertThat(read("gender", "Mulher", "pt")).contains("FEMALE");
		assertThat(read("satisfaction", "Très", "fr")).as("the option's own label").contains("5");
		assertThat(read("consent_surveys", "oui, d'accord", "fr")).contains("YES");
		assertThat(read("migrant_status", "je ne sais pas", "fr")).contains("DONT_KNOW_OR_PREFER_NOT_TO_SAY");
		assertThat(read("satisfaction", "byen", "ht")).contains("4");
		assertThat(read("consent_info_broadcasts", "wi", "ht")).contains("YES");
		assertThat(read("gender", "Fanm", "ht")).contains("FEMALE");
		assertThat(read("location", "m pa konnen", "ht")).contains("PREFER_NOT_TO_SAY");
		// a button's title or a list row's comes back as the person's reply
		assertThat(read("consent_surveys", "Sim", "pt")).contains("YES");
		assertThat(read("age_range", "18 à 29", "fr")).contains("18_29");
		// not an answer: the person's own question, for the bot or the team
		assertThat(read("satisfaction", "quand est-ce que le paiement arrive ?", "fr")).isEmpty();
		assertThat(read("location", "x".repeat(81), "pt")).as("beyond the form's constraint").isEmpty();
	}

}
