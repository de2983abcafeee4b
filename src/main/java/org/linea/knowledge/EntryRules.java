package org.linea.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What every entry must satisfy, however it was written: by form, file or API. Codes are message keys. */
final class EntryRules {

	static final Pattern KEY = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

	static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

	static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

	static final int MAX_TEXT = 4096;

	/** A rule broken, by the column (field) it concerns. */
	record Broken(String column, String code, String value) {
	}

	private EntryRules() {
	}

	/** Broken rules; an empty key is allowed (one is generated). */
	static List<Broken> check(EntryContent content) {
		List<Broken> broken = new ArrayList<>();
		if (!content.key().isEmpty() && !KEY.matcher(content.key()).matches()) {
			broken.add(new Broken(BankColumns.ID, "badId", content.key()));
		}
		if (content.topic().isEmpty()) {
			broken.add(new Broken(BankColumns.TOPIC, "missingTopic", ""));
		}
		else if (!TOPIC.matcher(content.topic()).matches()) {
			broken.add(new Broken(BankColumns.TOPIC, "badTopic", content.topic()));
		}
		if (content.question().isEmpty()) {
			broken.add(new Broken(BankColumns.QUESTION, "missingQuestion", ""));
		}
		// alternatives share one cell in a file, separated by |
		content.alternatives().stream().filter(a -> a.contains("|")).findFirst()
			.ifPresent(a -> broken.add(new Broken(BankColumns.ALTERNATIVES, "barInAlternative", a)));
		if (content.answers().values().stream().allMatch(a -> a.text().isEmpty())) {
			broken.add(new Broken("answer_*", "missingAnswer", ""));
		}
		content.answers().forEach((language, answer) -> {
			if (!LANGUAGE.matcher(language).matches()) {
				broken.add(new Broken(BankColumns.ANSWER_PREFIX + language, "badLanguage", language));
			}
			if (answer.text().isEmpty() && answer.sms() != null) {
				broken.add(new Broken(BankColumns.SMS_PREFIX + language, "smsWithoutAnswer", ""));
			}
			if (answer.text().length() > MAX_TEXT || (answer.sms() != null && answer.sms().length() > MAX_TEXT)) {
				broken.add(new Broken(BankColumns.ANSWER_PREFIX + language, "tooLong", String.valueOf(answer.text().length())));
			}
		});
		if (content.question().length() > MAX_TEXT) {
			broken.add(new Broken(BankColumns.QUESTION, "tooLong", String.valueOf(content.question().length())));
		}
		for (Attachment attachment : content.attachments()) {
			if (attachment.kind() == null || attachment.url() == null || !BankRows.isWebAddress(attachment.url())) {
				broken.add(new Broken(BankColumns.ATTACHMENTS, "badAttachment", String.valueOf(attachment.url())));
			}
		}
		return broken;
	}

}
