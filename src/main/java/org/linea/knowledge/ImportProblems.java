package org.linea.knowledge;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/** Import problems in words, from the message bundles (each problem's code is its key). */
public final class ImportProblems {

	/** A problem as people and scripts read it. */
	/** Serializable: shown after a redirect, so kept in the session (which is stored in PostgreSQL). */
	public record Described(int row, String column, String code, String message) implements Serializable {
	}

	private ImportProblems() {
	}

	public static List<Described> describe(List<ImportProblem> problems, MessageSource messages, Locale locale) {
		return describe(problems, "knowledge.import.", messages, locale);
	}

	/** As {@link #describe(List, MessageSource, Locale)}, for an import whose message keys start with the prefix. */
	public static List<Described> describe(List<ImportProblem> problems, String keyPrefix, MessageSource messages, Locale locale) {
		return problems.stream()
			.map(p -> new Described(p.row(), p.column(), p.code(),
					messages.getMessage(keyPrefix + p.code(), new Object[] { p.row(), p.column(), p.value() },
							p.code(), locale)))
			.toList();
	}

}
