package org.linea.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorService;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A report from the phone becomes a restricted case: the focal point reads it, an operator beside her cannot. */
class SafeguardingBrowserTests extends BrowserTest {

	@Autowired
	SimulatorService simulator;

	@Test
	void theFocalPointSeesTheUrgentCaseInRedAndReadsItAnOperatorSeesOnlyThatItExists() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser ana = newUser(organisation, Role.OPERATOR);
		LineaUser sofia = newUser(organisation, Role.SAFEGUARDING);
		String report = "mi marido esta afuera con un machete gritando q ahorita me mata";
		this.simulator.write(line, new SimulatedMessageRequest(randomPhone(), report, null));
		eventually(() -> this.jdbc.sql("select count(*) from safeguarding_case where line_id = ?").param(line.id())
			.query(Long.class).single() == 1, "the case is opened");
		String code = this.jdbc.sql("select code from safeguarding_case where line_id = ?").param(line.id()).query(String.class).single();
		long conversation = this.jdbc.sql("select conversation_id from safeguarding_case where line_id = ?").param(line.id())
			.query(Long.class).single();

		eventually(() -> this.jdbc.sql("select count(*) from safeguarding_alert where user_id = ?").param(sofia.id())
			.query(Long.class).single() == 1, "the focal point is alerted");

		try (BrowserContext anaBrowser = spanishBrowser(1280, 720); BrowserContext sofiaBrowser = spanishBrowser(1280, 720)) {
			Page sofiaPage = signedIn(sofiaBrowser, sofia);
			// the live alert in the menu, on whatever page she is
			assertThat(sofiaPage.locator("#sg-alerts")).containsText("1 caso nuevo");
			sofiaPage.locator("#sg-alerts a").click();
			assertThat(sofiaPage.locator("tr.sg-case.urgent")).containsText(code);
			assertThat(sofiaPage.locator("tr.sg-case.urgent")).containsText("Violencia basada en género");
			sofiaPage.locator("tr.sg-case.urgent a:has-text('Abrir la conversación')").click();
			assertThat(sofiaPage.locator(".messages")).containsText("machete");

			Page anaPage = signedIn(anaBrowser, ana);
			assertThat(anaPage.locator("#sg-alerts")).hasCount(0);
			anaPage.navigate(url("/safeguarding"));
			assertThat(anaPage.locator("tr.sg-case")).containsText(code);
			assertThat(anaPage.locator("tr.sg-case")).containsText("Restringido");
			assertThat(anaPage.locator("tr.sg-case")).not().containsText("Violencia");
			Response opened = anaPage.navigate(url("/inbox/conversations/" + conversation));
			assertThat(opened.status()).isEqualTo(403);
			assertThat(anaPage.locator("body")).not().containsText("machete");
		}
	}

}
