package org.linea.survey;

import java.util.Locale;
import java.util.Optional;

/** The XLSForm question types Linea runs over a chat channel. */
public enum QuestionType {

	SELECT_ONE, SELECT_MULTIPLE, INTEGER, DECIMAL, TEXT, DATE, NOTE;

	/** Whether the person picks among a choice list. */
	public boolean select() {
		return this == SELECT_ONE || this == SELECT_MULTIPLE;
	}

	/** The type of an XLSForm {@code type} cell without its list name ({@code select_one yes_no} gives SELECT_ONE). */
	static Optional<QuestionType> of(String keyword) {
		try {
			return Optional.of(valueOf(keyword.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
