package org.linea.admin;

import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.access.Organisation;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linea.LineaIntegrationTest;
import org.linea.web.SignedInClient;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad values in the admin and profile forms: a clear message in the reader's language, never a 500, nothing personal in the log. */
@ExtendWith(OutputCaptureExtension.class)
class AdminFormsIntegrationTests extends LineaIntegrationTest {

	@LocalServerPort
	private int port;

	@Test
	void aLineWithBadValuesIsRefusedWithTheReasonInSpanishAndNothingIsCreated(CapturedOutput output) {
		SignedInClient admin = signedInAdmin("es");
		Organisation organisation = newOrganisation();

		assertThat(refusal(admin, "/admin/lines", line(organisation, Map.of("key", "Línea Lima!")))).contains("La clave de la línea");
		assertThat(refusal(admin, "/admin/lines", line(organisation, Map.of("timeZone", "Mars/Olympus")))).contains("zona horaria");
		assertThat(refusal(admin, "/admin/lines", line(organisation, Map.of("countryCode", "XX")))).contains("código ISO de dos letras");
		assertThat(refusal(admin, "/admin/lines", line(organisation, Map.of("languages", "español")))).contains("Cada idioma");
		assertThat(refusal(admin, "/admin/lines", line(organisation, Map.of("retentionDays", "0")))).contains("conservación");
		assertThat(refusal(admin, "/admin/lines", line(organisation, Map.of("organisationId", "987654321")))).contains("organización existente");
		assertThat(refusal(admin, "/admin/organisations", Map.of("slug", "Cruz Roja", "name", "Cruz Roja"))).contains("nombre corto");

		assertThat(this.lines.all()).noneMatch(line -> line.organisationId() == organisation.id());
		assertThat(output.getAll()).doesNotContain("Failing row").doesNotContain("Mars/Olympus").doesNotContain(" 500 ");
	}

	@Test
	void everyPlaceAPasswordIsSetRefusesCommonOnesAndOnesWithTheUsername() {
		SignedInClient admin = signedInAdmin("en");
		Organisation organisation = newOrganisation();
		String username = unique("ana").toLowerCase();

		assertThat(refusal(admin, "/admin/users", newUser(username, "Password123456"))).contains("most often");
		assertThat(refusal(admin, "/admin/users", newUser(username, "soy " + username + " de lima"))).contains("must not contain the username");
		assertThat(refusal(admin, "/admin/users", newUser("Ana Pérez", "tres gatos en el tejado"))).contains("The username must be");
		assertThat(this.users.all()).noneMatch(user -> user.username().equals(username));

		LineaUser operator = newUser(organisation, Role.OPERATOR);
		assertThat(refusal(admin, "/admin/users/" + operator.id() + "/password", Map.of("password", "qwerty123456789"))).contains("most often");
		assertThat(refusal(admin, "/admin/users/" + operator.id() + "/password", Map.of("password", operator.getUsername() + "-2026")))
			.contains("username");

		SignedInClient self = new SignedInClient(this.port).signIn(operator.getUsername(), "a-long-test-password");
		self.get("/profile?lang=es");
		assertThat(refusal(self, "/profile/password", Map.of("current", "not-my-password", "password", "río verde bajo la lluvia")))
			.contains("La contraseña actual no es correcta");
		HttpResponse<String> changed = self.postForm("/profile/password", Map.of("current", "a-long-test-password", "password", "Contraseña2025!"));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(self.get("/profile").body()).contains("más a menudo");
		new SignedInClient(this.port).signIn(operator.getUsername(), "a-long-test-password");

		assertThat(admin.postForm("/admin/users", newUser(username, "río verde bajo la lluvia")).statusCode()).isEqualTo(302);
		assertThat(this.users.all()).anyMatch(user -> user.username().equals(username));
	}

	private SignedInClient signedInAdmin(String language) {
		SignedInClient admin = new SignedInClient(this.port).signIn("admin", ADMIN_PASSWORD);
		admin.get("/admin?lang=" + language);
		return admin;
	}

	/** Posts the form, which must come back to its page with an alert, and returns the alert. */
	private static String refusal(SignedInClient client, String path, Map<String, String> form) {
		HttpResponse<String> response = client.postForm(path, form);
		assertThat(response.statusCode()).as(path).isEqualTo(302);
		String page = client.get(response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
		int alert = page.indexOf("role=\"alert\"");
		assertThat(alert).as("an alert on the page after " + path + " " + form).isPositive();
		return page.substring(alert, page.indexOf("</p>", alert));
	}

	private static Map<String, String> line(Organisation organisation, Map<String, String> changes) {
		Map<String, String> form = new HashMap<>(Map.of("organisationId", Long.toString(organisation.id()), "key", unique("ok"), "name",
				"Línea Lima", "channelType", "SIMULATOR", "countryCode", "PE", "timeZone", "America/Lima", "languages", "es, en",
				"retentionDays", "30", "firstResponseMinutes", "30"));
		form.putAll(changes);
		return form;
	}

	private static Map<String, String> newUser(String username, String password) {
		return Map.of("username", username, "displayName", "Ana Pérez", "password", password);
	}

}
