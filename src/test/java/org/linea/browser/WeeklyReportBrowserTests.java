package org.linea.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linea.feedback.LineScopes;
import org.linea.report.SeededWeekTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator opens the weekly report in a real browser: its charts drawn on the server, the week
 * against the last, what is new; records how last week's decisions were followed up.
 */
class WeeklyReportBrowserTests extends SeededWeekTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	LineScopes scopes;

	@Test
	void theWeeklyPageShowsItsChartsTheChangeAndTheFollowUpOfLastWeeksDecisions() {
		Week week = seedWeek();
		this.jdbc.sql("insert into report_weekly_decision (organisation_id, week_start, decisions) values (?, ?, ?)")
			.params(week.organisation().id(), week.monday().minusWeeks(1), "Publicar el calendario de pagos\nCapacitar al equipo de Tumbes")
			.update();

		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
			Page page = context.newPage();
			page.navigate("http://localhost:" + this.port + "/login?lang=en");
			page.getByLabel("User", new Page.GetByLabelOptions().setExact(true)).fill(week.coordinator().getUsername());
			page.getByLabel("Password").fill("a-long-test-password");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
			page.navigate("http://localhost:" + this.port + "/report/weekly?scope=line:" + week.line().key() + "&from=" + week.monday());

			Locator charts = page.locator("img[data-chart]");
			assertThat(charts.first()).isVisible();
			assertThat(charts.count()).isGreaterThanOrEqualTo(11);
			for (String chart : new String[] { "daily", "gender", "feedbackTypes", "topics", "unanswered", "satisfaction", "rumours",
					"safeguarding", "complaints", "messaging", "workload" }) {
				Object width = page.evaluate("c => { const i = document.querySelector('img[data-chart=' + c + ']'); "
						+ "return i.complete ? i.naturalWidth : 0; }", chart);
				assertThat(((Number) width).intValue()).as(chart + " is drawn").isGreaterThan(400);
			}
			assertThat(page.getByAltText("Types of feedback")).isVisible();
			Locator interactions = page.locator("[data-section=INTERACTIONS] tr", new Page.LocatorOptions().setHasText("Interactions"));
			assertThat(interactions.first()).containsText("▲ +2");
			assertThat(page.locator(".new-topics")).hasText("transferencias, conducta_personal");

			Locator decision = page.locator("tr.follow-up", new Page.LocatorOptions().setHasText("Publicar el calendario de pagos"));
			assertThat(decision.locator(".status")).hasText("Pending");
			decision.locator("select[name=status]").selectOption("DONE");
			decision.locator("input[name=note]").fill("Publicado el martes");
			decision.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
			assertThat(page.getByRole(AriaRole.STATUS)).hasText("Follow-up saved.");
			Locator after = page.locator("tr.follow-up", new Page.LocatorOptions().setHasText("Publicar el calendario de pagos"));
			assertThat(after.locator(".status")).hasText("Done");
			assertThat(after).containsText("Publicado el martes");
			assertThat(page.locator("tr.follow-up", new Page.LocatorOptions().setHasText("Capacitar")).locator(".status")).hasText("Pending");
		}
	}

}
