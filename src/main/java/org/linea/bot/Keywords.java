package org.linea.bot;

import java.util.Locale;
import java.util.Set;

import org.linea.privacy.PersonRequests;
import org.linea.shared.Folding;

/**
 * Words a person can send alone to steer the line. A keyword counts only when it is the whole
 * message (ignoring case, accents, spaces and punctuation), so "no quiero que paren la ayuda" is not
 * an opt-out.
 */
public final class Keywords {

	/** Spanish ones, Twilio's own (on which Twilio itself stops delivering SMS to the person), and the other line languages'. */
	private static final Set<String> OPT_OUT = Set.of("STOP", "BAJA", "ALTO", "CANCELAR", "UNSUBSCRIBE", "STOPALL", "PARAR",
			"DETENER", "DESUSCRIBIR", "DESUSCRIBIRME", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE",
			// Portuguese, French and Haitian Creole
			"SAIR", "ARRET", "ARRETER", "DESABONNER", "DESINSCRIRE", "SISPANN");

	private static final Set<String> MY_DATA = Set.of("MISDATOS", "MYDATA");

	private static final Set<String> DELETE_MY_DATA = Set.of("BORRARMISDATOS", "DELETEMYDATA", "BORRAMISDATOS");

	private Keywords() {
	}

	/** The data request this message is ("MIS DATOS", "BORRAR MIS DATOS"...), or null. */
	public static PersonRequests.Kind dataRequest(String text) {
		String word = normalise(text);
		if (MY_DATA.contains(word)) {
			return PersonRequests.Kind.MY_DATA;
		}
		return DELETE_MY_DATA.contains(word) ? PersonRequests.Kind.DELETE_MY_DATA : null;
	}

	/** The opt-out keyword this message is, or null. */
	public static String optOut(String text) {
		String word = normalise(text);
		return OPT_OUT.contains(word) ? word : null;
	}

	static String normalise(String text) {
		if (text == null) {
			return "";
		}
		return Folding.withoutAccents(text).replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
	}

}
