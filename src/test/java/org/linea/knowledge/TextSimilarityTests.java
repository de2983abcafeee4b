package org.linea.knowledge;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One measure of alike texts for rumours and unanswered questions. */
class TextSimilarityTests {

	@Test
	void theSameRumourWordedAnotherWayIsAlikeAndAnotherOneIsNot() {
		Set<String> rumour = TextSimilarity.terms("Dicen que cancelan el bono familiar", "es");
		assertThat(TextSimilarity.of(rumour, TextSimilarity.terms("el bono familiar se cancela, dicen", "es")))
			.isGreaterThanOrEqualTo(TextSimilarity.ALIKE);
		assertThat(TextSimilarity.of(rumour, TextSimilarity.terms("¿A qué hora abre la farmacia?", "es"))).isLessThan(TextSimilarity.ALIKE);
	}

	@Test
	void sharedTermsOverTheTermsOfBoth() {
		assertThat(TextSimilarity.of(Set.of("bono", "cancel"), Set.of("bono", "cancel", "famili", "dic"))).isEqualTo(2.0 * 2 / 6);
		assertThat(TextSimilarity.of(Set.of(), Set.of("bono"))).isZero();
		assertThat(TextSimilarity.of(Set.of(), Set.of())).isEqualTo(1);
	}

}
