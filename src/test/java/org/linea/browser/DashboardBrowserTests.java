package org.linea.browser;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.coding.InformationType;
import org.linea.feedback.InteractionsIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** An analyst opens the dashboard in a real browser and its charts are drawn from the figures. */
class DashboardBrowserTests extends InteractionsIntegrationTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Test
	@SuppressWarnings("unchecked")
	void theDashboardShowsTheFiguresAndDrawsEveryChart() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		answeredAndClosed(line, randomPhone(), operator,
				new Coding(List.of("transferencias"), List.of(InformationType.PROGRAMME_INFORMATION), FeedbackType.QUESTION));
		long last = answeredAndClosed(line, randomPhone(), operator,
				new Coding(List.of("salud"), List.of(), FeedbackType.COMPLAINT));
		eventually(() -> this.jdbc.sql("select count(*) from feedback_log where conversation_id = ? and feedback_type is not null")
			.param(last).query(Integer.class).single() == 1, "logged");
		LineaUser analyst = newUser(organisation, Role.ANALYST);

		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
			Page page = context.newPage();
			page.navigate("http://localhost:" + this.port + "/login?lang=en");
			page.getByLabel("User", new Page.GetByLabelOptions().setExact(true)).fill(analyst.getUsername());
			page.getByLabel("Password").fill("a-long-test-password");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
			page.navigate("http://localhost:" + this.port + "/report/dashboard?scope=line:" + line.key());

			assertThat(page.locator("[data-figure=interactions]")).hasText("2");
			assertThat(page.locator("[data-figure=users]")).hasText("2");
			for (String chart : List.of("weekly", "feedbackTypes", "topics", "topicTrend", "answeredBy", "channels", "satisfaction")) {
				assertThat(page.locator("canvas[data-chart=" + chart + "]")).hasAttribute("data-rendered", "true");
			}
			Object typeLabels = page.evaluate(
					"() => Chart.getChart(document.querySelector('canvas[data-chart=feedbackTypes]')).data.labels");
			assertThat((List<Object>) typeLabels).containsExactlyInAnyOrder("Question", "Complaint");
			Object topicCounts = page.evaluate(
					"() => Chart.getChart(document.querySelector('canvas[data-chart=topics]')).data.datasets[0].data");
			assertThat((List<Object>) topicCounts).hasSize(2);
		}
	}

}
