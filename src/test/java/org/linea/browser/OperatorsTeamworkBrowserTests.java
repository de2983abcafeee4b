package org.linea.browser;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
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

/** Two operators in two browsers never answer the same person unknowingly; a case goes to the PSS team. */
class OperatorsTeamworkBrowserTests extends BrowserTest {

	@Autowired
	SimulatorService simulator;

	@Autowired
	KnowledgeService knowledge;

	@Test
	void oneTakesTheOtherSeesItHeldIsAskedBeforeAnsweringAndTheCaseGoesToPss() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser ana = newUser(organisation, Role.OPERATOR);
		LineaUser luis = newUser(organisation, Role.OPERATOR);
		LineaUser psychologist = newUser(organisation, Role.SPECIALIST);
		this.simulator.write(line, new SimulatedMessageRequest(randomPhone(), "hola, me siento muy angustiada", null));

		try (BrowserContext anaBrowser = spanishBrowser(1366, 768);
				BrowserContext luisBrowser = spanishBrowser(1280, 720);
				BrowserContext pssBrowser = spanishBrowser(390, 844)) {
			Page anaInbox = signedIn(anaBrowser, ana);
			Page luisInbox = signedIn(luisBrowser, luis);
			assertThat(luisInbox.locator(".queue-item").first()).containsText("sin asignar");

			anaInbox.locator(".queue-item").first().click();
			// let the live header settle (the bot's replies being delivered) so the click is not on a header being replaced
			assertThat(anaInbox.locator(".message.bot .status").last()).containsText("entregado");
			anaInbox.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tomar")).click();
			assertThat(anaInbox.locator(".conversation-head")).containsText("tuya");
			anaInbox.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/inbox-1366x768.png")));

			// Luis's queue changes by itself: Ana holds it now
			assertThat(luisInbox.locator(".queue-item").first()).containsText("la atiende " + ana.displayName());
			luisInbox.locator(".queue-item").first().click();
			assertThat(luisInbox.locator(".conversation-head")).containsText("la atiende " + ana.displayName());
			luisInbox.locator("#reply").fill("Hola, soy Luis");
			luisInbox.locator("form.composer:not(.note) button[type=submit]").click();
			assertThat(luisInbox.getByRole(AriaRole.ALERT)).containsText(ana.displayName() + " ya atiende esta conversación");
			assertThat(luisInbox.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar y tomar"))).isVisible();

			// Ana triages yellow and sends the case to the psychosocial team with a note
			anaInbox.locator("summary:has-text('Semáforo')").click();
			anaInbox.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("amarillo")).click();
			anaInbox.locator("summary:has-text('Enviar a un equipo')").click();
			anaInbox.locator("#escalate-team").selectOption(new SelectOption().setLabel("Apoyo psicosocial / PSS"));
			anaInbox.getByLabel("Nota para el equipo").fill("Angustia fuerte, pide hablar con psicóloga");
			anaInbox.locator("#escalate-note").locator("xpath=..").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enviar")).click();
			assertThat(anaInbox.locator(".notice")).containsText("Enviada al equipo");

			Page pss = signedIn(pssBrowser, psychologist);
			pss.locator("#f-team").selectOption(new SelectOption().setLabel("Apoyo psicosocial / PSS"));
			assertThat(pss.locator(".queue-item").first()).containsText("amarillo");
			assertThat(pss.locator(".queue-item").first()).containsText(Pattern.compile("Apoyo psicosocial"));
			pss.locator(".queue-item").first().click();
			assertThat(pss.locator(".message.note")).containsText("pide hablar con psicóloga");
			pss.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/inbox-phone.png")).setFullPage(true));
		}
	}

	@Test
	void anOperatorInsertsAValidatedAnswerFromTheBankAndSendsIt() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser ana = newUser(organisation, Role.OPERATOR);
		String number = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(number, "buenas, donde puedo vacunar a mi hijo?", null));
		eventually(() -> this.jdbc.sql("select count(*) from conversation_conversation where line_id = ? and state = 'QUEUED'")
			.param(line.id()).query(Long.class).single() == 1, "queued");
		try (InputStream bank = getClass().getResourceAsStream("/knowledge/sample-bank.csv")) {
			this.knowledge.seed(line, bank);
		}

		try (BrowserContext anaBrowser = spanishBrowser(1366, 768)) {
			Page inbox = signedIn(anaBrowser, ana);
			inbox.locator(".queue-item").first().click();
			inbox.locator("summary:has-text('Respuestas rápidas')").click();
			inbox.getByPlaceholder("Buscar respuestas validadas").fill("vacunar");
			inbox.locator("#reply").fill("Hola, ");
			// a live update of the conversation (the handoff message's delivery) keeps the search and the draft
			inbox.locator("#conversation-live").evaluate("el => htmx.trigger(el, 'linea:refresh')");
			assertThat(inbox.locator(".quick-list")).containsText("VAC-01");
			assertThat(inbox.locator("#reply")).hasValue("Hola, ");
			inbox.locator("#reply").fill("");
			inbox.locator(".quick-list li:has-text('VAC-01') button.insert-reply").click();
			assertThat(inbox.locator("#reply")).hasValue(Pattern.compile("Puede vacunarse gratis.*"));
			inbox.locator("form.composer:not(.note) button[type=submit]").click();
			assertThat(inbox.locator(".messages")).containsText("Puede vacunarse gratis");
		}
		eventually(() -> this.simulator.thread(line, number).stream().anyMatch(m -> m.text().startsWith("Puede vacunarse gratis")),
				"the person got the validated answer");
	}

}
