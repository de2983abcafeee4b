package org.linea.channel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTests {

	@Test
	void plainSpanishWithEnyeAndInvertedMarksStaysGsm7() {
		assertThat(SmsSegments.of("¡Hola! ¿Señora, necesita ayuda?")).isEqualTo(new SmsSegments("GSM-7", 31, 1));
		assertThat(SmsSegments.of("a".repeat(160)).segments()).isEqualTo(1);
		assertThat(SmsSegments.of("a".repeat(161)).segments()).isEqualTo(2);
		assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
		assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
	}

	@Test
	void extensionCharactersCountTwice() {
		assertThat(SmsSegments.of("10€ [ok]").units()).isEqualTo(11);
		assertThat(SmsSegments.of("€".repeat(80)).segments()).isEqualTo(1);
		assertThat(SmsSegments.of("€".repeat(81)).segments()).isEqualTo(2);
	}

	@Test
	void oneAccentOutsideGsmMakesTheWholeTextUcs2() {
		String text = "a".repeat(149) + "ó";
		assertThat(SmsSegments.of(text)).isEqualTo(new SmsSegments("UCS-2", 150, 3));
		assertThat(SmsSegments.of("ó".repeat(70)).segments()).isEqualTo(1);
		assertThat(SmsSegments.of("ó".repeat(71)).segments()).isEqualTo(2);
		assertThat(SmsSegments.of("👍").units()).isEqualTo(2);
	}

	@Test
	void splitsAtSentenceEndsAndNeverInsideASurrogatePair() {
		String text = "Primera frase bastante larga. Segunda frase también larga. Tercera.";
		List<String> parts = SmsSegments.split(text, 40);

		assertThat(parts).containsExactly("Primera frase bastante larga.", "Segunda frase también larga. Tercera.");
		assertThat(String.join(" ", parts)).isEqualTo(text);

		List<String> emoji = SmsSegments.split("👍".repeat(10), 5);
		assertThat(emoji).allSatisfy(part -> assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse());
		assertThat(String.join("", emoji)).isEqualTo("👍".repeat(10));
	}

}
