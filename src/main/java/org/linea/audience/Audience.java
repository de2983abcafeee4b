package org.linea.audience;

import java.util.List;
import java.util.Locale;

import org.linea.shared.InvalidRequestException;

/**
 * Who a broadcast or survey is for, on one line: the people whose latest consent event for the
 * purpose is GIVEN (a later STOP withdraws everything), narrowed by the optional filters. An empty
 * or absent filter does not narrow. JSON shape: {@code {"consent": "BROADCASTS", "languages": ["es"],
 * "tags": ["cash"], "location": "Lima", "lastContactDays": 90}}.
 *
 * @param languages the person's language is one of these
 * @param tags the person carries at least one of these tags
 * @param location the location they consented to give (demographics) is this one, ignoring case
 * @param lastContactDays the person wrote to the line within this many days
 */
public record Audience(ConsentPurpose consent, List<String> languages, List<String> tags, String location,
		Integer lastContactDays) {

	public Audience {
		languages = languages == null ? List.of() : languages.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).distinct().toList();
		tags = tags == null ? List.of() : tags.stream().map(Audience::tag).distinct().toList();
		location = location == null || location.isBlank() ? null : location.strip();
	}

	/**
	 * Refuses an audience without its purpose or with an impossible window. Checked when the audience
	 * is used, after the user's access to the line (so other organisations learn nothing from the answer).
	 */
	public Audience validated() {
		if (this.consent == null) {
			throw new InvalidRequestException("error.audience.audience-consent-purpose-broadcasts");
		}
		if (this.lastContactDays != null && this.lastContactDays < 1) {
			throw new InvalidRequestException("error.audience.lastcontactdays-1-more");
		}
		return this;
	}

	/** Everyone who consented to the purpose. */
	public static Audience of(ConsentPurpose consent) {
		return new Audience(consent, List.of(), List.of(), null, null);
	}

	/** Tags are kept trimmed and in lower case, so "Cash " and "cash" are one tag. */
	public static String tag(String raw) {
		return raw.strip().toLowerCase(Locale.ROOT);
	}

}
