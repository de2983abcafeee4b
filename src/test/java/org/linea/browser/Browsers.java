package org.linea.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, headless, never a downloaded browser. Without Chromium the
 * browser tests are skipped on a developer's machine and fail under CI=true.
 */
final class Browsers {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private Browsers() {
	}

	static Playwright playwright() {
		if (!Files.isExecutable(CHROMIUM)) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI needs Debian's chromium at " + CHROMIUM + " for the browser tests");
			}
			Assumptions.abort("Browser tests skipped: install Debian's chromium (apt-get install chromium)");
		}
		// CI machines have two cores shared with the database and the server: be patient, not flaky
		PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
		return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	static Browser chromium(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
						"--disable-sync", "--no-first-run", "--disable-quic")));
	}

}
