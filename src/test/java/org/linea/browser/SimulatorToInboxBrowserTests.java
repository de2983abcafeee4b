package org.linea.browser;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The newcomer's loop in a real browser: a person writes on the simulator, an operator answers from the inbox. */
class SimulatorToInboxBrowserTests extends BrowserTest {

	@Test
	void aPersonWritesHolaAndAnOperatorTakesAnswersAndClosesIt() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		String number = randomPhone();

		try (BrowserContext operatorContext = spanishBrowser(1280, 720);
				BrowserContext personContext = spanishBrowser(1280, 720)) {
			Page inbox = signedIn(operatorContext, operator);
			assertThat(inbox.locator("#queue")).containsText("Nadie está esperando");

			Page phone = signedIn(personContext, operator);
			phone.navigate(url("/simulator?line=" + line.key()));
			phone.getByLabel("Número de teléfono").fill(number);
			phone.getByLabel("Mensaje").fill("hola");
			phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar")).click();
			assertThat(phone.locator("#thread")).containsText("¡Hola!");

			// the inbox learns of it without a reload
			Locator waiting = inbox.locator(".queue-item").first();
			assertThat(waiting).containsText(Pattern.compile("\\d{2}PE0001"));
			assertThat(waiting).containsText("sin asignar");
			waiting.click();
			inbox.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tomar")).click();
			assertThat(inbox.locator(".conversation-head")).containsText("tuya");
			inbox.locator("#reply").fill("Hola, soy Ana del equipo. ¿En qué te ayudo?");
			inbox.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar")).click();
			assertThat(inbox.locator(".messages")).containsText("soy Ana");

			assertThat(phone.locator("#thread")).containsText("soy Ana del equipo");
			// the person read it, and the inbox shows so
			assertThat(inbox.locator(".message.operator .status")).containsText("leído");
			inbox.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/inbox-conversation.png")));
			phone.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/simulator.png")));

			inbox.getByText("Cerrar y codificar").click();
			inbox.getByLabel("Pregunta").check();
			inbox.getByLabel("salud", new Page.GetByLabelOptions().setExact(true)).check();
			inbox.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cerrar").setExact(true)).click();
			assertThat(inbox.locator(".notice")).containsText("Conversación cerrada");
			assertThat(inbox.locator("#queue")).containsText("Nadie está esperando");
			// closing asks the person how satisfied they are
			assertThat(phone.locator("#thread")).containsText("del 1 (nada) al 5 (mucho)");
		}
	}

}
