package org.linea.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linea.LineaIntegrationTest;
import org.linea.access.LineaUser;
import org.linea.web.TestAuthenticator;

import org.springframework.boot.test.web.server.LocalServerPort;

/** The full application and one headless Chromium per test class; each test opens its own contexts. */
abstract class BrowserTest extends LineaIntegrationTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	protected int port;

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** A browser of a Spanish-speaking user in Peru. */
	protected static BrowserContext spanishBrowser(int width, int height) {
		return chromium.browser().newContext(new Browser.NewContextOptions().setLocale("es-PE").setViewportSize(width, height));
	}

	/**
	 * Signs the user in through the login form (test users' password), with the second step when asked
	 * (setting up the authenticator as a person would, from the key on the page), and opens the inbox.
	 */
	protected Page signedIn(BrowserContext context, LineaUser user) {
		Page page = context.newPage();
		page.navigate(url("/login?lang=es"));
		page.getByLabel("Usuario").fill(user.getUsername());
		page.getByLabel("Contraseña").fill("a-long-test-password");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ingresar")).click();
		page.waitForURL(address -> !address.contains("/login?") && !address.endsWith("/login"));
		if (page.url().contains("/mfa/enrol")) {
			TestAuthenticator.add(user.getUsername(), page.locator("#mfa-secret").textContent());
			page.getByLabel("Código que muestra ahora la aplicación").fill(TestAuthenticator.nextCode(user.getUsername()));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activar la verificación en dos pasos")).click();
			page.waitForURL(address -> address.contains("/mfa/recovery-codes"));
		}
		else if (page.url().contains("/login/code")) {
			page.getByLabel("Código de tu aplicación de autenticación").fill(TestAuthenticator.nextCode(user.getUsername()));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuar")).click();
			page.waitForURL(address -> !address.contains("/login/code"));
		}
		page.navigate(url("/inbox"));
		return page;
	}

}
