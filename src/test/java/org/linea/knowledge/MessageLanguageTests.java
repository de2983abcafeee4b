package org.linea.knowledge;

import org.linea.knowledge.MessageLanguage;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessageLanguageTests {

	static final MessageLanguage detector = new MessageLanguage();

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			cuantos dias me tengo q aislar si tengo covid      | es
			how many days do i have to isolate if i have covid | en
			como faço para parar de receber mensagens?         | pt
			mon passeport est expiré, qu'est-ce que je peux faire ? | fr
			Bonjou, ki kote mwen ka fè tès COVID gratis?       | ht
			kijan pou m mande refij                            | ht
			como me legalizo en el pais                        | es
			que dia es feriado este mes                        | es
			deu positivo o que eu faco                         | pt
			operador                                           | es
			ok                                                 | es
			""")
	void detectsAmongTheLinesLanguagesAndKeepsTheConversationsWhenUnsure(String text, String language) {
		assertThat(detector.detect(text, List.of("es", "en", "pt", "fr", "ht"), "es")).isEqualTo(language);
	}

	@org.junit.jupiter.api.Test
	void haitianCreoleOnlyOnLinesThatSpeakIt() {
		assertThat(detector.detect("Bonjou, ki kote mwen ka fè tès COVID gratis?", List.of("es", "fr"), "es")).isIn("es", "fr");
	}

}
