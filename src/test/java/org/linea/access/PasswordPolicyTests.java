package org.linea.access;

import org.linea.access.PasswordPolicy;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.Messages;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(new Messages(bundles()));

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	/** Written here, not taken from the bundled list: common choices with the decorations people add. */
	@ParameterizedTest
	@ValueSource(strings = { "Password123456", "password1234", "QWERTY123456789", "Contraseña2025!", "iloveyou1234!", "teamo123456789",
			"123456789012", "Futbol123456", "sunshine2026!!", "111111111111", "1q2w3e4r5t6y", "  password1234  ", "Barcelona2024" })
	void refusesCommonPasswordsWhateverTheirCaseAndDecorations(String password) {
		assertThatThrownBy(() -> this.policy.check("maria.lopez", password)).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("most often");
	}

	@ParameterizedTest
	@ValueSource(strings = { "correct horse battery staple", "río verde bajo la lluvia", "tres-gatos-en-el-tejado", "zumo de mango frío",
			"ćwierć-mila 🌧️ deszcz", "aB3#aB3#aB3#" })
	void acceptsLongUncommonPasswordsWithoutCompositionRules(String password) {
		assertThatNoException().isThrownBy(() -> this.policy.check("maria.lopez", password));
	}

	@Test
	void refusesPasswordsContainingTheUsername() {
		assertThatThrownBy(() -> this.policy.check("maria.lopez", "Maria.Lopez-en-Lima")).hasMessageContaining("username");
		assertThatThrownBy(() -> this.policy.check("jperez@cruzroja.org", "soy jperez y vivo aqui")).hasMessageContaining("username");
		assertThatNoException().isThrownBy(() -> this.policy.check("maria.lopez", "maría vive en lima hoy"));
	}

	@Test
	void wantsTwelveToAHundredAndTwentyEightCharactersCountingEachCharacterOnce() {
		assertThatThrownBy(() -> this.policy.check("ana", "short pass")).hasMessageContaining("12 to 128");
		assertThatThrownBy(() -> this.policy.check("ana", "x".repeat(129))).hasMessageContaining("12 to 128");
		assertThatThrownBy(() -> this.policy.check("ana", null)).isInstanceOf(InvalidRequestException.class);
		assertThatNoException().isThrownBy(() -> this.policy.check("ana", "q7 lluvia ".repeat(12) + "zorro"));
		// six emoji are twelve UTF-16 units but six characters
		assertThatThrownBy(() -> this.policy.check("ana", "🌧️🌧️🌧️")).hasMessageContaining("12 to 128");
	}

	@Test
	void saysWhyInTheReadersLanguage() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("es"));
		assertThatThrownBy(() -> this.policy.check("maria.lopez", "Password123456")).hasMessageContaining("más a menudo");
		assertThatThrownBy(() -> this.policy.check("maria.lopez", "corta")).hasMessageContaining("de 12 a 128 caracteres");
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages-security");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
