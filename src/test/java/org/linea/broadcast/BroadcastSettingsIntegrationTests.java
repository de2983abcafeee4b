package org.linea.broadcast;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/** A coordinator reads and sets a line's broadcast rules by API and on the page; wrong values are refused in their language. */
class BroadcastSettingsIntegrationTests extends LineaIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	BroadcastSettingsStore store;

	MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void theApiShowsTheDefaultsAndSavesQuietHoursCapAndLimitWhichTheSenderThenReads() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		String path = "/api/lines/" + line.key() + "/broadcast-settings";

		MockHttpServletResponse defaults = perform(coordinator, "GET", path, null, "en");
		assertThat(defaults.getStatus()).isEqualTo(200);
		assertThat(defaults.getContentAsString()).contains("\"weeklyCap\":3", "\"timeZone\":\"" + line.timeZone().getId() + "\"").doesNotContain("quietFrom");

		MockHttpServletResponse saved = perform(coordinator, "PUT", path,
				"{\"quietFrom\": \"21:00\", \"quietUntil\": \"08:00\", \"weeklyCap\": 2, \"dailyLimit\": 2000}", "en");
		assertThat(saved.getStatus()).isEqualTo(200);
		assertThat(perform(coordinator, "GET", path, null, "en").getContentAsString()).contains("\"quietFrom\":\"21:00\"",
				"\"quietUntil\":\"08:00\"", "\"weeklyCap\":2", "\"dailyLimit\":2000");
		BroadcastSettings read = this.store.of(line);
		assertThat(read.weeklyCap()).isEqualTo(2);
		assertThat(read.dailyLimit()).isEqualTo(2000);
		assertThat(read.quiet(java.time.ZonedDateTime.of(2026, 12, 2, 23, 30, 0, 0, line.timeZone()).toInstant(), line.timeZone())).isTrue();
		assertThat(read.quiet(java.time.ZonedDateTime.of(2026, 12, 2, 10, 0, 0, 0, line.timeZone()).toInstant(), line.timeZone())).isFalse();

		// no quiet hours, no daily limit
		assertThat(perform(coordinator, "PUT", path, "{\"weeklyCap\": 5}", "en").getStatus()).isEqualTo(200);
		assertThat(this.store.of(line)).isEqualTo(new BroadcastSettings(null, null, 5, null));
	}

	@Test
	void wrongValuesAreAllReportedInTheCallersLanguageAndChangeNothing() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		String path = "/api/lines/" + line.key() + "/broadcast-settings";
		perform(coordinator, "PUT", path, "{\"quietFrom\": \"22:00\", \"quietUntil\": \"07:00\", \"weeklyCap\": 3, \"dailyLimit\": 250}", "en");

		MockHttpServletResponse spanish = perform(coordinator, "PUT", path,
				"{\"quietFrom\": \"25:00\", \"quietUntil\": \"07:00\", \"weeklyCap\": 0, \"dailyLimit\": -4}", "es");
		assertThat(spanish.getStatus()).isEqualTo(400);
		assertThat(spanish.getContentAsString(StandardCharsets.UTF_8)).contains("«25:00» no es una hora para el inicio de las horas de silencio",
				"del 1 al 21", "El límite diario es de 1 persona o más");
		MockHttpServletResponse english = perform(coordinator, "PUT", path, "{\"quietFrom\": \"21:00\", \"weeklyCap\": 3}", "en");
		assertThat(english.getStatus()).isEqualTo(400);
		assertThat(english.getContentAsString()).contains("Quiet hours need both a start and an end");
		assertThat(perform(coordinator, "PUT", path, "{\"quietFrom\": \"21:00\", \"quietUntil\": \"21:00\", \"weeklyCap\": 3}", "en")
			.getContentAsString()).contains("cannot start and end at the same time");

		assertThat(this.store.of(line)).as("nothing changed")
			.isEqualTo(new BroadcastSettings(java.time.LocalTime.of(22, 0), java.time.LocalTime.of(7, 0), 3, 250));
	}

	@Test
	void thePageShowsTheRulesSavesThemAndGivesTranslatedErrorsWithWhatWasTyped() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		String page = "/broadcasts/lines/" + line.key() + "/settings";
		assertThat(perform(coordinator, "GET", "/broadcasts?line=" + line.key(), null, "es").getContentAsString(StandardCharsets.UTF_8))
			.contains(page, "Reglas de difusión de la línea");

		MvcResult saved = this.mvc.perform(MockMvcRequestBuilders.post(page).param("quietFrom", "20:00").param("quietUntil", "06:30")
			.param("weeklyCap", "4").param("dailyLimit", "").with(user(coordinator)).with(csrf()).header("Accept-Language", "es")).andReturn();
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo(page);
		assertThat(this.store.of(line)).isEqualTo(new BroadcastSettings(java.time.LocalTime.of(20, 0), java.time.LocalTime.of(6, 30), 4, null));
		String shown = this.mvc.perform(MockMvcRequestBuilders.get(page).flashAttrs(saved.getFlashMap()).with(user(coordinator))
			.header("Accept-Language", "es")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(shown).contains("Las reglas quedaron guardadas", "value=\"20:00\"", "value=\"06:30\"", "value=\"4\"");

		MvcResult refused = this.mvc.perform(MockMvcRequestBuilders.post(page).param("quietFrom", "20:00").param("quietUntil", "")
			.param("weeklyCap", "tres").param("dailyLimit", "100").with(user(coordinator)).with(csrf()).header("Accept-Language", "en")).andReturn();
		String again = this.mvc.perform(MockMvcRequestBuilders.get(page).flashAttrs(refused.getFlashMap()).with(user(coordinator))
			.header("Accept-Language", "en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(again).contains("Quiet hours need both a start and an end", "a number from 1 to 21", "value=\"100\"");
		assertThat(this.store.of(line).dailyLimit()).as("nothing changed").isNull();
	}

	@Test
	void onlyThoseWhoSendBroadcastsOnTheLineMayReadOrChangeTheRules() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		String path = "/api/lines/" + line.key() + "/broadcast-settings";
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		LineaUser otherCoordinator = newUser(newOrganisation(), Role.COORDINATOR);
		assertThat(perform(operator, "PUT", path, "{\"weeklyCap\": 9}", "en").getStatus()).isEqualTo(403);
		assertThat(perform(otherCoordinator, "PUT", path, "{\"weeklyCap\": 9}", "en").getStatus()).isIn(403, 404);
		assertThat(perform(otherCoordinator, "GET", path, null, "en").getStatus()).isIn(403, 404);
		assertThat(this.store.of(line).weeklyCap()).isEqualTo(BroadcastSettings.DEFAULT_WEEKLY_CAP);
	}

	private MockHttpServletResponse perform(LineaUser user, String method, String path, String body, String language) throws Exception {
		var request = switch (method) {
			case "GET" -> MockMvcRequestBuilders.get(path);
			case "PUT" -> MockMvcRequestBuilders.put(path);
			default -> MockMvcRequestBuilders.post(path);
		};
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(request.header("Accept-Language", language).with(user(user)).with(csrf())).andReturn().getResponse();
	}

}
