package org.linea.survey;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a survey itself says to people exists in every language a line can speak, with the stop keyword it reads. */
class SurveyTextsTests {

	private static final List<String> LANGUAGES = List.of("es", "pt", "fr", "ht");

	private static final List<String> KEYS = List.of("survey.intro", "survey.thanks", "survey.stopped", "survey.resume",
			"survey.reminder", "survey.prompt.optional", "survey.prompt.several", "survey.prompt.listButton", "survey.reply.chooseNumber",
			"survey.reply.chooseNumbers", "survey.reply.integer", "survey.reply.decimal", "survey.reply.date", "survey.reply.required",
			"survey.reply.constraint");

	@Test
	void everyTextToPeopleIsWrittenInEveryLanguageAndTheIntroductionNamesAStopKeyword() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages-survey");
		messages.setFallbackToSystemLocale(false);
		messages.setDefaultEncoding("UTF-8");
		for (String key : KEYS) {
			String english = messages.getMessage(key, new Object[] { "X" }, Locale.ENGLISH);
			for (String language : LANGUAGES) {
				assertThat(messages.getMessage(key, new Object[] { "X" }, Locale.forLanguageTag(language))).as(key + " in " + language)
					.isNotBlank()
					.isNotEqualTo(english);
			}
		}
		for (String language : List.of("en", "es", "pt", "fr", "ht")) {
			String intro = messages.getMessage("survey.intro", new Object[] { "X" }, Locale.forLanguageTag(language));
			String keyword = intro.replaceAll("(?s).*\\b(FIN|FIM)\\b.*", "$1");
			assertThat(Replies.stop(keyword)).as("the stop keyword of the " + language + " introduction").isTrue();
		}
	}

	@Test
	void theListButtonFitsWhatsAppsTwentyCharacters() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages-survey");
		messages.setDefaultEncoding("UTF-8");
		for (String language : List.of("en", "es", "pt", "fr", "ht")) {
			assertThat(messages.getMessage("survey.prompt.listButton", null, Locale.forLanguageTag(language)).length()).isLessThanOrEqualTo(20);
		}
	}

}
