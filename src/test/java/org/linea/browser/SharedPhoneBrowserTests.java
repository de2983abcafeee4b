package org.linea.browser;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorService;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.inbox.Closing;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An operator marks a number as a shared phone and opens its earlier interactions only by saying why. */
class SharedPhoneBrowserTests extends BrowserTest {

	@Autowired
	SimulatorService simulator;

	@Autowired
	Closing closing;

	@Test
	void theOperatorMarksASharedPhoneAndOpensItsEarlierInteractionsWithAReason() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser ana = newUser(organisation, Role.OPERATOR);
		String phone = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(phone, "consulta de mi vecina sobre su bono", null));
		firstProcessed(() -> queued(line) == 1, "the first interaction waits");
		long first = this.jdbc.sql("select max(id) from conversation_conversation where line_id = ?").param(line.id())
			.query(Long.class).single();
		signIn(ana);
		this.closing.close(first, new Coding(List.of(), List.of(), FeedbackType.QUESTION));
		this.simulator.write(line, new SimulatedMessageRequest(phone, "hola, soy otra persona y tengo una duda", null));
		eventually(() -> queued(line) == 1, "the second interaction waits");

		try (BrowserContext browser = spanishBrowser(1366, 768)) {
			Page page = signedIn(browser, ana);
			page.locator(".queue-item").first().click();
			assertThat(page.locator(".conversation-head")).containsText("26");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Marcar como teléfono compartido")).click();
			assertThat(page.locator(".notice")).containsText("Marcado como teléfono compartido");
			assertThat(page.locator(".shared-phone-flag")).containsText("teléfono compartido");
			assertThat(page.locator("#earlier")).containsText("1 interacción anterior");
			assertThat(page.locator("#earlier")).not().containsText("mi vecina");

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tomar")).click();
			assertThat(page.locator(".conversation-head")).containsText("tuya");
			page.getByLabel("¿Por qué las necesita?").fill("dice que ya nos escribió sobre el bono");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mostrar interacciones anteriores")).click();
			assertThat(page.locator("#earlier-list")).containsText("consulta de mi vecina sobre su bono");
			assertThat(page.locator("#earlier-list")).containsText("queda registrado");
		}
	}

	/** The first message after the application starts may take long on a loaded machine (language detection loads): a minute at most. */
	private static void firstProcessed(java.util.function.Supplier<Boolean> condition, String what) {
		for (int attempt = 1;; attempt++) {
			try {
				eventually(condition, what);
				return;
			}
			catch (AssertionError slow) {
				if (attempt == 4) {
					throw slow;
				}
			}
		}
	}

	private int queued(Line line) {
		return this.jdbc.sql("select count(*) from conversation_conversation where line_id = ? and state = 'QUEUED'").param(line.id())
			.query(Integer.class).single();
	}

}
