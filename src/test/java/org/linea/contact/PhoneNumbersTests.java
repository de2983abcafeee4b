package org.linea.contact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linea.shared.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumbersTests {

	@ParameterizedTest
	@CsvSource({ "+51987654343, +51 9•• ••• •43", "+593991234567, +593 9•• ••• •67", "+573001234567, +57 3•• ••• ••67",
			"+14155550123, +1 4•• ••• ••23" })
	void masksAllButCountryCodeFirstAndLastTwoDigits(String number, String masked) {
		assertThat(PhoneNumbers.mask(number)).isEqualTo(masked);
	}

	@Test
	void normalisesSpacesAndDashesToE164() {
		assertThat(PhoneNumbers.normalise(" +51 987-654-343 ")).isEqualTo("+51987654343");
	}

	@Test
	void refusesNumbersWithoutCountryCodeOrImpossibleOnes() {
		assertThatThrownBy(() -> PhoneNumbers.normalise("987654343")).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("international");
		assertThatThrownBy(() -> PhoneNumbers.normalise("+51 12")).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> PhoneNumbers.normalise("+hello")).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> PhoneNumbers.normalise("")).isInstanceOf(InvalidRequestException.class);
	}

}
