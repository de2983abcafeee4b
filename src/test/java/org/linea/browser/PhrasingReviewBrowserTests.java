package org.linea.browser;

import java.io.InputStream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorService;
import org.linea.knowledge.KnowledgeService;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * What the bot learns from the team, in real browsers: an operator answers a question the bot could
 * not with a quick reply, the coordinator finds the message in the review queue, gives it to the
 * right entry, and the bot answers that way of asking from then on.
 */
class PhrasingReviewBrowserTests extends BrowserTest {

	private static final String QUESTION = "de a cuanto sale la ayudita mensual";

	@Autowired
	SimulatorService simulator;

	@Autowired
	KnowledgeService knowledge;

	@Test
	void aQuickReplyBecomesAProposedPhrasingThatTheCoordinatorReassignsAndTheBotThenAnswers() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		try (InputStream bank = getClass().getResourceAsStream("/knowledge/sample-bank.csv")) {
			this.knowledge.seed(line, bank);
		}
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		this.simulator.write(line, new SimulatedMessageRequest(randomPhone(), QUESTION, null));

		try (BrowserContext operatorBrowser = spanishBrowser(1366, 768); BrowserContext coordinatorBrowser = spanishBrowser(1280, 800)) {
			Page inbox = signedIn(operatorBrowser, operator);
			inbox.locator(".queue-item").first().click();
			assertThat(inbox.locator(".messages")).containsText(QUESTION);
			inbox.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tomar")).click();
			assertThat(inbox.locator(".conversation-head")).containsText("tuya");
			inbox.locator("summary:has-text('Respuestas rápidas del banco')").click();
			inbox.getByPlaceholder("Buscar respuestas validadas").fill("bono");
			Locator found = inbox.locator(".quick-list li", new Page.LocatorOptions().setHasText("CASH-01"));
			found.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Insertar")).click();
			assertThat(inbox.locator("#reply")).hasValue(java.util.regex.Pattern.compile("monto fijo por familia"));
			inbox.locator("form.composer:not(.note) button[type=submit]").click();
			assertThat(inbox.locator(".messages")).containsText("monto fijo por familia");

			Page review = signedIn(coordinatorBrowser, coordinator);
			review.navigate(url("/knowledge/" + line.key()));
			review.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Frases aprendidas")).click();
			Locator row = review.locator("tr.phrasing", new Page.LocatorOptions().setHasText(QUESTION));
			assertThat(row).containsText("CASH-01");
			assertThat(row).containsText("Respuesta rápida");

			// not yet reviewed: the bot still hands this way of asking over
			Page test = coordinatorBrowser.newPage();
			test.navigate(url("/bot/" + line.key() + "/test"));
			test.locator("textarea[name=text]").fill(QUESTION);
			test.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decidir")).click();
			assertThat(test.locator(".decision h2")).isVisible();
			assertThat(test.locator(".decision h2")).not().containsText("CASH-01");

			// the operator picked the amount; the person asked about it, so it stays with CASH-01 after a look at the choices
			row.locator("select[name=entry]").selectOption("CASH-01");
			row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Aprobar para esta entrada")).click();
			assertThat(review.getByRole(AriaRole.STATUS)).hasText("Aprobada para la entrada elegida.");
			assertThat(review.locator("tr.phrasing")).hasCount(0);
			assertThat(review.locator("body")).containsText("Nada que revisar.");

			test.locator("textarea[name=text]").fill(QUESTION);
			test.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decidir")).click();
			assertThat(test.locator(".decision h2")).containsText("CASH-01");
		}
	}

}
