package org.linea.browser;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.audience.ContactImport;
import org.linea.channel.ChannelIntegrationTest;
import org.linea.access.ChannelType;
import org.linea.knowledge.BankFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator creates a broadcast on an SMS line (one message every two seconds) in the browser, reads its
 * preview with segments and cost, starts it, watches the progress bar move without reloading (SSE),
 * and pauses it; in Spanish, then the same page in English.
 */
class BroadcastBrowserTests extends ChannelIntegrationTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	ContactImport imports;

	@Test
	void createPreviewStartWatchAndPause() {
		TwilioLine sms = twilioLine(ChannelType.TWILIO_SMS);
		// one message every two seconds: the campaign is still sending when the coordinator pauses it
		asAdmin(() -> this.accounts.connect(sms.line().key(), java.util.Map.of(), 0.5));
		long coordinatorId = this.users.create(unique("coordinator"), "Coordinadora", "a-long-test-password");
		this.users.grant(coordinatorId, sms.line().organisationId(), Role.COORDINATOR);
		LineaUser coordinator = this.users.findById(coordinatorId).orElseThrow();
		StringBuilder csv = new StringBuilder("phone,language,consent\n");
		for (int i = 0; i < 20; i++) {
			csv.append('+').append(randomDigits()).append(i % 2 == 0 ? ",es" : ",en").append(",BROADCASTS\n");
		}
		signIn(coordinator);
		this.imports.importFile(sms.line().key(), BankFile.CSV, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
				"lista.csv", "registro", "v1", null);
		SecurityContextHolder.clearContext();

		try (BrowserContext context = chromium.browser()
			.newContext(new Browser.NewContextOptions().setLocale("es-PE").setViewportSize(1280, 900))) {
			Page page = context.newPage();
			page.navigate(url("/login?lang=es"));
			page.getByLabel("Usuario").fill(coordinator.getUsername());
			page.getByLabel("Contraseña").fill("a-long-test-password");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ingresar")).click();
			page.waitForURL(address -> !address.contains("/login"));

			page.navigate(url("/broadcasts?line=" + sms.line().key()));
			page.getByLabel("Nombre").fill("Horario de la oficina");
			page.getByLabel("Texto").fill("La oficina atiende de lunes a viernes de 9 a 17 h.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Crear borrador")).click();

			assertThat(page.locator("#broadcast-status")).hasText("Borrador");
			assertThat(page.getByText("Llega ahora a 20 personas.")).isVisible();
			assertThat(page.locator(".preview[data-language=es]")).containsText("es: 10 personas");
			assertThat(page.locator(".preview[data-language=en]")).containsText("La oficina atiende");
			assertThat(page.locator(".preview[data-language=es]")).containsText("1 segmento(s) de SMS, GSM-7");
			assertThat(page.locator("#broadcast-cost")).hasText("Costo estimado de SMS: 1.00 USD");

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Iniciar")).click();
			assertThat(page.locator("#broadcast-status")).hasText("Enviando");
			String address = page.url();
			// the bar moves by itself: Server-Sent Events, no reload
			assertThat(page.locator("tr[data-status=SENT] td.num")).not().hasText("0",
					new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
			assertThat(page.locator("#broadcast-bar")).not().hasAttribute("value", "0");
			assertThat(page.url()).isEqualTo(address);

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pausar")).click();
			assertThat(page.locator("#broadcast-status")).hasText("En pausa");
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reanudar"))).isVisible();
			long sent = count("select count(*) from broadcast_recipient r join broadcast_campaign c on c.id = r.campaign_id "
					+ "where c.line_id = ? and r.status in ('SENT', 'DELIVERED', 'READ', 'SENDING')", sms.line().id());
			assertThat(sent).as("the pause keeps the rest waiting").isLessThan(20);

			page.navigate(address + "?lang=en");
			assertThat(page.locator("#broadcast-status")).hasText("Paused");
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resume"))).isVisible();
			assertThat(page.locator("tr[data-status=QUEUED] td:first-child")).hasText("Waiting");
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
