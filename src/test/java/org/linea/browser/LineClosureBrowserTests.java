package org.linea.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineForm;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.access.ChannelType;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A coordinator closes a line from its closing page in Spanish (the confirmation ticked), sees it closed, and
 * reads the same page in English; the announcement page ("you said, we did") opens from the feedback log.
 */
class LineClosureBrowserTests extends BrowserTest {

	@Test
	void aCoordinatorClosesALineWithTheConfirmationAndSeesItClosed() {
		Organisation organisation = this.organisations.create(unique("org"), "Organización");
		Line line = this.lines.create(new LineForm(organisation.id(), unique("line"), "Línea Lima", ChannelType.SIMULATOR, "PE",
				"America/Lima", java.util.List.of("es", "en"), "", 30, 30));
		long id = this.users.create(unique("coordinator"), "Coordinadora", "a-long-test-password");
		this.users.grant(id, organisation.id(), Role.COORDINATOR);
		LineaUser coordinator = this.users.findById(id).orElseThrow();

		try (BrowserContext context = spanishBrowser(1280, 900)) {
			Page page = signedIn(context, coordinator);
			page.navigate(url("/feedback/log?scope=line:" + line.key()));
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contarles lo que se hizo")).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ustedes dijeron, hicimos"))).isVisible();
			assertThat(page.locator("#announcement-form")).isVisible();

			page.navigate(url("/lines/" + line.key() + "/closure"));
			page.getByLabel("Texto en es").fill("La línea cierra hoy.");
			page.getByLabel("Contactos alternativos").fill("Cruz Roja: 0800-00-111");
			page.getByLabel("Enviarlo a quienes escribieron en estos días").fill("30");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cerrar la línea")).click();
			assertThat(page.locator("#closure-form")).isVisible(); // not without the confirmation: the browser asks for it
			page.getByLabel("Entiendo que Línea Lima dejará de atender").check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cerrar la línea")).click();
			assertThat(page.locator("#closure-done")).hasText("El cierre está programado y el último mensaje va en camino.");
			assertThat(page.locator("#closure-state")).containsText("Cerrada desde");
			assertThat(page.locator("#closure-state")).containsText("Cruz Roja: 0800-00-111");

			page.navigate(url("/lines/" + line.key() + "/closure?lang=en"));
			assertThat(page.locator("#closure-state")).containsText("Closed since");
			assertThat(page.locator("#closure-form")).hasCount(0);
		}
	}

}
