package org.linea.browser;

import java.nio.file.Path;
import java.util.function.Supplier;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorService;
import org.linea.survey.XlsForms;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A coordinator imports an XLSForm, invites a phone and watches the answers arrive on the results page. */
class SurveyBrowserTests extends BrowserTest {

	@Autowired
	SimulatorService simulator;

	@Test
	void importInviteAndWatchResultsArrive() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		String phone = randomPhone();

		try (BrowserContext context = spanishBrowser(1280, 900)) {
			Page page = signedIn(context, coordinator);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Encuestas")).click();
			page.getByLabel("XLSForm (.xlsx)").setInputFiles(new FilePayload("needs.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XlsForms.everyType().bytes()));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importar")).click();
			assertThat(page.locator("h1")).containsText("Necesidades 2026");
			assertThat(page.locator(".notice")).containsText("Encuesta importada");

			page.getByLabel("Teléfonos (uno por línea, en formato internacional)").fill(phone);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar la encuesta")).click();
			assertThat(page.locator("#invited")).containsText("Invitadas 1 en la ola 1");
			assertThat(page.locator("#answers")).containsText("Aún no hay respuestas");

			// the person answers on their phone; the page shows it without a reload
			signIn(coordinator);
			answer(line, phone, "2", 4);
			assertThat(page.locator("#answers table.answers")).containsText("no");
			answer(line, phone, "1 2", 5);
			answer(line, phone, "800", 6);
			answer(line, phone, "-", 7);
			assertThat(page.locator("#answers table.answers")).containsText("food work");
			assertThat(page.locator("#answers tr[data-wave='1'] .completed")).hasText("1");
			assertThat(page.locator("#answers table.answers")).containsText("complete");
			assertThat(page.locator("canvas[data-chart='needs']")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/survey-results.png")).setFullPage(true));
		}
	}

	/** Writes as the person and waits until the survey has sent this many messages. */
	private void answer(Line line, String phone, String text, int outgoing) {
		this.simulator.write(line, new SimulatedMessageRequest(phone, text, null));
		Supplier<Boolean> arrived = () -> this.simulator.thread(line, phone).stream().filter(m -> m.direction().equals("OUT")).count() >= outgoing;
		eventually(arrived, outgoing + " messages reach the phone");
	}

}
