package org.linea.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One headless Debian Chromium for a test class: {@code @RegisterExtension static Chromium chromium = new Chromium();}. */
final class Chromium implements BeforeAllCallback, AfterAllCallback {

	private Playwright playwright;

	private Browser browser;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.playwright = Browsers.playwright();
		this.browser = Browsers.chromium(this.playwright);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.playwright != null) {
			this.playwright.close();
		}
	}

	Browser browser() {
		return this.browser;
	}

}
