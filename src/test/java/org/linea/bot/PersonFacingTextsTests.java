package org.linea.bot;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.linea.safeguarding.Category;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Everything Linea itself sends to people exists in every language a line can speak, not only in English. */
class PersonFacingTextsTests {

	private static final List<String> LANGUAGES = List.of("es", "pt", "fr", "ht");

	private static final List<String> KEYS = List.of("bot.greeting", "bot.handoff", "bot.optOutConfirmed", "bot.outOfHours",
			"bot.howCanWeHelp", "bot.thanks", "bot.menuIntro", "bot.menuChoose", "bot.answerInOtherLanguage",
			"bot.closing.thanks", "contact.sharedPhone.broadcastNotice");

	/** The message source as application.yml configures it. */
	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages", "messages-knowledge", "messages-channels", "messages-inbox", "messages-report",
				"messages-access", "messages-security", "messages-safeguarding", "messages-privacy");
		source.setFallbackToSystemLocale(false);
		source.setDefaultEncoding("UTF-8");
		return source;
	}

	@Test
	void everyTextToPeopleIsWrittenInEveryLanguage() {
		ResourceBundleMessageSource messages = messages();
		// the closing questions themselves are the closing form's labels (ClosingFormTests)
		for (String key : KEYS) {
			String english = messages.getMessage(key, new Object[] { "X", "Y" }, Locale.ENGLISH);
			for (String language : LANGUAGES) {
				assertThat(messages.getMessage(key, new Object[] { "X", "Y" }, Locale.forLanguageTag(language)))
					.as(key + " in " + language)
					.isNotBlank()
					.isNotEqualTo(english);
			}
		}
	}

	/** A person who reports abuse is answered at once in their language, with the emergency number kept. */
	@Test
	void everySafeguardingSafeReplyIsWrittenInEveryLanguageWithTheNumberKept() {
		ResourceBundleMessageSource messages = messages();
		List<String> keys = new java.util.ArrayList<>(List.of("safeguarding.reply.numbersNone", "safeguarding.reply.URGENT"));
		for (Category category : Category.values()) {
			keys.add("safeguarding.reply." + category.name());
		}
		Object[] numbers = { "911-TEST" };
		for (String key : keys) {
			String english = messages.getMessage(key, numbers, Locale.ENGLISH);
			for (String language : LANGUAGES) {
				String text = messages.getMessage(key, numbers, Locale.forLanguageTag(language));
				assertThat(text).as(key + " in " + language).isNotBlank().isNotEqualTo(english);
				assertThat(text.contains("911-TEST")).as("emergency number in " + key + " in " + language)
					.isEqualTo(english.contains("911-TEST"));
			}
		}
	}

}
