package org.linea.knowledge;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.access.ChannelType;
import org.linea.access.Line;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person gets for an answer is the same whoever sends it: their language or a note, SMS text, captions. */
class AnswerMessagesTests {

	private final AnswerMessages answers = new AnswerMessages(messages());

	private final Line line = new Line(1, 1, "demo", "Demo", ChannelType.TWILIO_SMS, "PE", ZoneId.of("America/Lima"),
			List.of("es", "en"), null, 30, 60, true, null);

	private final EntryContent vaccines = new EntryContent("VAC-01", "salud", EntryKind.FAQ, "¿Dónde me vacuno?", List.of(),
			Map.of("es", new Answer("Puede vacunarse gratis en el centro de salud de su barrio.", "Vacuna gratis: centro de salud."),
					"pt", new Answer("", null)),
			List.of(new Attachment(AttachmentKind.LINK, "https://example.org/centros", "Centros"),
					new Attachment(AttachmentKind.LINK, "https://example.org/mapa", "")),
			List.of(), null, null);

	@Test
	void thePersonsLanguageWithTheLinksCaptionsOnTheirOwnLines() {
		AnswerMessages.AnswerMessage message = this.answers.message(this.line, this.vaccines, "es", false).orElseThrow();
		assertThat(message.otherLanguage()).isFalse();
		assertThat(message.text()).isEqualTo("""
				Puede vacunarse gratis en el centro de salud de su barrio.
				Centros: https://example.org/centros
				https://example.org/mapa""");
	}

	@Test
	void onSmsTheShortTextAndInAnotherLanguageANoteInTheirs() {
		AnswerMessages.AnswerMessage message = this.answers.message(this.line, this.vaccines, "pt", true).orElseThrow();
		assertThat(message.otherLanguage()).isTrue();
		assertThat(message.text()).startsWith("(Só temos esta resposta em outro idioma.)\n\nVacuna gratis: centro de salud.\n");
	}

	@Test
	void noAnswerInAnyLanguageIsNothingToSend() {
		EntryContent empty = new EntryContent("X-01", "salud", EntryKind.FAQ, "¿?", List.of(), Map.of(), List.of(), List.of(), null, null);
		assertThat(this.answers.message(this.line, empty, null, false)).isEmpty();
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages-knowledge");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
