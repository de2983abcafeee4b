package org.linea.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordsTests {

	@ParameterizedTest
	@ValueSource(strings = { "STOP", "stop", "Baja", " baja. ", "ALTO!", "cancelar", "UNSUBSCRIBE", "Bája", "PARAR", "Detener",
			"desuscribir", "STOPALL", "Cancel", "END", "quit" })
	void recognisesOptOutWordsSentAlone(String text) {
		assertThat(Keywords.optOut(text)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "no quiero que paren la ayuda", "como me doy de baja del programa?", "hola", "stopped",
			"el alto costo", "" })
	void doesNotTakeSentencesThatMentionTheWordForAnOptOut(String text) {
		assertThat(Keywords.optOut(text)).isNull();
	}

	@Test
	void nullIsNoKeyword() {
		assertThat(Keywords.optOut(null)).isNull();
	}

}
