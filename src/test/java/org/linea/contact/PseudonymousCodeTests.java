package org.linea.contact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudonymousCodeTests {

	@Test
	void yearCountryAndFourDigitCorrelative() {
		assertThat(PseudonymousCode.of(2026, "PE", 42)).isEqualTo("26PE0042");
		assertThat(PseudonymousCode.of(2027, "ec", 1)).isEqualTo("27EC0001");
	}

	@Test
	void growsPastNineThousandNineHundredNinetyNine() {
		assertThat(PseudonymousCode.of(2026, "CO", 12345)).isEqualTo("26CO12345");
	}

	@Test
	void correlativesStartAtOne() {
		assertThatThrownBy(() -> PseudonymousCode.of(2026, "PE", 0)).isInstanceOf(IllegalArgumentException.class);
	}

}
