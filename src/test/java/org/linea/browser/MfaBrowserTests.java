package org.linea.browser;

import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.web.TestAuthenticator;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An organisation admin sets up the authenticator right after the password, then signs in again with a code. */
class MfaBrowserTests extends BrowserTest {

	@Test
	void anAdminEnrolsAfterThePasswordAndThenSignsInWithACode() {
		Organisation organisation = newOrganisation();
		LineaUser admin = newUser(organisation, Role.ADMIN);

		try (BrowserContext context = spanishBrowser(1280, 900)) {
			Page page = context.newPage();
			page.navigate(url("/login?lang=es"));
			page.getByLabel("Usuario").fill(admin.getUsername());
			page.getByLabel("Contraseña").fill("a-long-test-password");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ingresar")).click();

			// sent to enrolment, and nothing else opens until it is done
			page.waitForURL(address -> address.contains("/mfa/enrol"));
			assertThat(page.locator(".notice")).containsText("Tu rol necesita la verificación en dos pasos");
			page.navigate(url("/inbox"));
			page.waitForURL(address -> address.contains("/mfa/enrol"));
			assertThat(page.getByAltText("Código QR para agregar Linea a tu aplicación de autenticación")).isVisible();
			Object qrWidth = page.evaluate("() => document.querySelector('.qr img').naturalWidth");
			org.assertj.core.api.Assertions.assertThat((Integer) qrWidth).isGreaterThan(0);
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/mfa-enrol.png")));

			TestAuthenticator.add(admin.getUsername(), page.locator("#mfa-secret").textContent());
			page.getByLabel("Código que muestra ahora la aplicación").fill(TestAuthenticator.wrongCode(admin.getUsername()));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activar la verificación en dos pasos")).click();
			assertThat(page.locator(".alert")).containsText("Ese código no es correcto");

			page.getByLabel("Código que muestra ahora la aplicación").fill(TestAuthenticator.nextCode(admin.getUsername()));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activar la verificación en dos pasos")).click();
			assertThat(page.locator("#recovery-codes li")).hasCount(10);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continuar")).click();
			// an organisation admin starts on the administration page
			page.waitForURL(address -> address.contains("/admin"));
			assertThat(page.locator("a[href$='/admin/mfa']")).isVisible();

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Salir")).click();
			page.waitForURL(address -> address.contains("/login"));
			page.getByLabel("Usuario").fill(admin.getUsername());
			page.getByLabel("Contraseña").fill("a-long-test-password");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ingresar")).click();
			page.waitForURL(address -> address.contains("/login/code"));
			page.getByLabel("Código de tu aplicación de autenticación").fill(TestAuthenticator.nextCode(admin.getUsername()));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuar")).click();
			page.waitForURL(address -> address.contains("/admin"));
			assertThat(page.locator("a[href$='/admin/mfa']")).isVisible();
		}
	}

}
