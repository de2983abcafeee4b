package org.linea.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
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

/**
 * The referral pathway in the browser: a coordinator (in English) puts a shelter on the line's service
 * map; the focal point (in Spanish) opens the case file, notes, refers with consent, follows up and
 * closes with an outcome; an operator beside her gets none of it.
 */
class SafeguardingReferralBrowserTests extends BrowserTest {

	@Autowired
	SimulatorService simulator;

	@Test
	void theFocalPointNotesRefersFollowsUpAndClosesTheCaseAnOperatorGetsNothing() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser carla = newUser(organisation, Role.COORDINATOR);
		LineaUser sofia = newUser(organisation, Role.SAFEGUARDING);
		LineaUser ana = newUser(organisation, Role.OPERATOR);
		this.simulator.write(line, new SimulatedMessageRequest(randomPhone(),
				"mi pareja me pega y me quito el celular, no se a donde ir con mis hijos", null));
		eventually(() -> this.jdbc.sql("select count(*) from safeguarding_case where line_id = ?").param(line.id())
			.query(Long.class).single() == 1, "the case is opened");
		String code = this.jdbc.sql("select code from safeguarding_case where line_id = ?").param(line.id()).query(String.class).single();
		long caseId = this.jdbc.sql("select id from safeguarding_case where line_id = ?").param(line.id()).query(Long.class).single();

		try (BrowserContext carlaBrowser = spanishBrowser(1280, 900); BrowserContext sofiaBrowser = spanishBrowser(1280, 900);
				BrowserContext anaBrowser = spanishBrowser(1280, 900)) {
			Page carlaPage = signedIn(carlaBrowser, carla);
			carlaPage.navigate(url("/safeguarding/services?line=" + line.key() + "&lang=en"));
			assertThat(carlaPage.locator("h1")).hasText("Referral services");
			carlaPage.getByLabel("Name").fill("Casa Refugio Esperanza");
			carlaPage.getByLabel("Kind").selectOption(new SelectOption().setLabel("Shelter"));
			carlaPage.getByLabel("Contacts").fill("+51 1 555 0101 · Jr. Lampa 300");
			carlaPage.getByLabel("Hours").fill("24/7");
			carlaPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the service")).click();
			assertThat(carlaPage.locator("p.notice")).hasText("Saved.");
			assertThat(carlaPage.locator("tr.sg-service input[name=name]")).hasValue("Casa Refugio Esperanza");

			// the settings once written by SQL: emergency numbers and minutes, on a page
			carlaPage.navigate(url("/safeguarding/settings?line=" + line.key() + "&lang=en"));
			carlaPage.getByLabel("Emergency numbers, as the person should read them").fill("Policía 105 · Línea 100");
			carlaPage.locator("form.sg-alerting button").click();
			assertThat(carlaPage.locator("p.notice")).hasText("Saved.");
			assertThat(carlaPage.locator("#sg-numbers")).hasValue("Policía 105 · Línea 100");

			Page sofiaPage = signedIn(sofiaBrowser, sofia);
			sofiaPage.navigate(url("/safeguarding"));
			sofiaPage.locator("tr.sg-case:has-text('" + code + "') a:has-text('Expediente')").click();
			assertThat(sofiaPage.locator("h1")).containsText("Caso " + code);

			sofiaPage.getByLabel("Nota nueva").fill("Prefiere mensajes, no llamadas: él revisa el teléfono.");
			sofiaPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Añadir la nota")).click();
			assertThat(sofiaPage.locator("p.notice")).hasText("Nota añadida.");
			assertThat(sofiaPage.locator(".sg-note")).containsText("no llamadas");

			sofiaPage.getByLabel("Servicio", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("Casa Refugio Esperanza (Albergue)"));
			sofiaPage.getByLabel("La persona aceptó, informada").check();
			sofiaPage.getByLabel("Nota (qué se compartió, con quién)").fill("Solo su nombre y el distrito");
			sofiaPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrar la derivación")).click();
			assertThat(sofiaPage.locator("p.notice")).hasText("Derivación registrada.");
			assertThat(sofiaPage.locator(".sg-referral")).containsText("Casa Refugio Esperanza");
			assertThat(sofiaPage.locator(".sg-referral .sg-referral-status")).hasText("Derivado");

			sofiaPage.locator(".sg-referral select[name=status]").selectOption(new SelectOption().setLabel("Aceptado por el servicio"));
			sofiaPage.locator(".sg-referral input[name=note]").fill("La reciben hoy a las 18:00");
			sofiaPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrar el seguimiento")).click();
			assertThat(sofiaPage.locator(".sg-referral .sg-referral-status")).hasText("Aceptado por el servicio");
			assertThat(sofiaPage.locator(".sg-follow-ups")).containsText("La reciben hoy");

			sofiaPage.getByLabel("Resultado", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("Apoyada: la necesidad se atendió"));
			sofiaPage.getByLabel("Nota sobre el resultado").fill("Está en el albergue con sus hijos");
			sofiaPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cerrar el caso")).click();
			assertThat(sofiaPage.locator("#sg-status")).hasText("Cerrado");
			assertThat(sofiaPage.locator("#sg-outcome")).containsText("Apoyada");
			assertThat(sofiaPage.locator("form.sg-close")).hasCount(0);

			Page anaPage = signedIn(anaBrowser, ana);
			Response refused = anaPage.navigate(url("/safeguarding/cases/" + caseId));
			assertThat(refused.status()).isEqualTo(403);
			assertThat(anaPage.locator("body")).not().containsText("llamadas");
			anaPage.navigate(url("/safeguarding"));
			assertThat(anaPage.locator("tr.sg-case")).containsText(code);
			assertThat(anaPage.locator("tr.sg-case a:has-text('Expediente')")).hasCount(0);
		}
	}

}
