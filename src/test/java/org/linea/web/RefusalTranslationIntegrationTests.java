package org.linea.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.ApiTokenService;
import org.linea.access.Line;
import org.linea.access.Organisation;
import org.linea.access.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** A refusal is translated in one place: the page shows it in the reader's language, the API in the one asked for, with its key. */
class RefusalTranslationIntegrationTests extends LineaIntegrationTest {

	@LocalServerPort
	private int port;

	@Autowired
	private ApiTokenService tokens;

	@Autowired
	private JsonMapper json;

	@Test
	void aRefusedFormComesBackToItsPageWithTheReasonInTheReadersLanguage() {
		String slug = unique("cruz");
		SignedInClient admin = new SignedInClient(this.port).signIn("admin", ADMIN_PASSWORD);
		assertThat(admin.postForm("/admin/organisations", Map.of("slug", slug, "name", "Cruz")).statusCode()).isEqualTo(302);

		admin.get("/admin?lang=es");
		assertThat(refusal(admin, "/admin/organisations", Map.of("slug", slug, "name", "Otra"), "/admin"))
			.contains("Ya existe una organización con el nombre corto «" + slug + "»");

		admin.get("/admin?lang=en");
		assertThat(refusal(admin, "/admin/organisations", Map.of("slug", slug, "name", "Other"), "/admin"))
			.contains("An organisation with short name '" + slug + "' already exists");
	}

	@Test
	void htmxIsAnsweredWithTheReasonToShowInPlace() {
		String slug = unique("cruz");
		SignedInClient admin = new SignedInClient(this.port).signIn("admin", ADMIN_PASSWORD);
		admin.get("/admin?lang=es");
		admin.postForm("/admin/organisations", Map.of("slug", slug, "name", "Cruz"));

		HttpResponse<String> answer = admin.withHeader("HX-Request", "true").postForm("/admin/organisations", Map.of("slug", slug, "name", "Otra"));
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Linea-Refusal")).contains("true");
		assertThat(answer.body()).contains("role=\"alert\"");
		assertThat(HtmlUtils.htmlUnescape(answer.body())).contains("Ya existe una organización con el nombre corto «" + slug + "»");
	}

	@Test
	void theApiAnswersTheReasonInTheLanguageAskedForWithItsKey() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		String token = this.tokens.create(newUser(organisation, Role.ANALYST).id(), "refusals");
		String path = "/api/reports/weekly?scope=line:" + line.key() + "&week=2026-W99";

		JsonNode english = problem(path, token, null);
		assertThat(english.get("status").asInt()).isEqualTo(400);
		assertThat(english.get("detail").asString()).isEqualTo("Year 2026 has no week 99");
		assertThat(english.get("code").asString()).isEqualTo("error.report.year-week");

		JsonNode spanish = problem(path, token, "es-PE,es;q=0.9,en;q=0.5");
		assertThat(spanish.get("detail").asString()).isEqualTo("El año 2026 no tiene semana 99");
		assertThat(spanish.get("code").asString()).isEqualTo("error.report.year-week");

		assertThat(problem(path, token, "fr-FR").get("detail").asString()).as("a language Linea does not speak").isEqualTo("Year 2026 has no week 99");
	}

	private JsonNode problem(String path, String token, String language) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token);
		if (language != null) {
			request.header("Accept-Language", language);
		}
		HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		return this.json.readTree(response.body());
	}

	/** Posts the form, which must come back to {@code page} with an alert, and returns the alert. */
	private static String refusal(SignedInClient client, String path, Map<String, String> form, String page) {
		HttpResponse<String> response = client.postForm(path, form);
		assertThat(response.statusCode()).as(path).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		assertThat(location).isEqualTo(page);
		String body = client.get(location).body();
		int alert = body.indexOf("role=\"alert\"");
		assertThat(alert).as("an alert on " + page).isPositive();
		return HtmlUtils.htmlUnescape(body.substring(alert, body.indexOf("</p>", alert)));
	}

}
