package org.linea.feedback.coding;

import java.util.Locale;

/** A code of an organisation's codebook, under a category; feedback types are the framework's top level. */
public record CodebookEntry(long id, String category, String code, String labelEs, String labelEn, boolean active) {

	public String label(Locale locale) {
		return "es".equals(locale.getLanguage()) ? this.labelEs : this.labelEn;
	}

}
