package org.linea.feedback;

import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.web.SignedInClient;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may open and change the rumours pages and a record's referrals, over real HTTP with CSRF. */
class RumourPagesIntegrationTests extends InteractionsIntegrationTest {

	private static final String PASSWORD = "a-long-test-password";

	@LocalServerPort
	int port;

	@Test
	void operatorsFlagCoordinatorsChangeAnalystsOnlyReadOtherOrganisationsGetNotFound() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		long conversation = answeredAndClosed(line, randomPhone(), operator,
				new Coding(List.of("transferencias"), List.of(), FeedbackType.COMPLAINT));
		eventually(() -> this.jdbc.sql("select count(*) from feedback_log where conversation_id = ? and feedback_type is not null")
			.param(conversation).query(Integer.class).single() == 1, "logged");

		SignedInClient operatorClient = client(operator);
		assertThat(operatorClient.get("/inbox/conversations/" + conversation).body()).contains("/rumours/flag");
		assertThat(operatorClient.postRaw("/rumours/flag", Map.of("conversationId", Long.toString(conversation))).statusCode())
			.isEqualTo(403);
		assertThat(reports(conversation)).isZero();
		HttpResponse<String> flagged = operatorClient.postForm("/rumours/flag", Map.of("conversationId", Long.toString(conversation)));
		assertThat(flagged.statusCode()).isEqualTo(302);
		assertThat(reports(conversation)).isEqualTo(1);
		long rumour = this.jdbc.sql("select rumour_id from feedback_rumour_report where conversation_id = ?").param(conversation)
			.query(Long.class).single();
		assertThat(operatorClient.get("/rumours").statusCode()).isEqualTo(403);

		SignedInClient coordinator = client(newUser(organisation, Role.COORDINATOR));
		assertThat(coordinator.get("/rumours").body()).contains("#" + rumour).doesNotContain("cuando pagan el bono");
		assertThat(coordinator.get("/rumours/" + rumour).body()).contains("cuando pagan el bono").contains("/rumours/" + rumour + "/status");
		assertThat(coordinator.postForm("/rumours/" + rumour + "/title", Map.of("title", "Fecha de pago del bono")).statusCode())
			.isEqualTo(302);
		assertThat(coordinator.postForm("/rumours/" + rumour + "/status", Map.of("status", "VERIFYING")).statusCode()).isEqualTo(302);
		assertThat(status(rumour)).isEqualTo("VERIFYING");
		assertThat(coordinator.get("/report/dashboard?scope=line:" + line.key()).body()).contains("Fecha de pago del bono");
		String today = this.jdbc.sql("select opened_day from feedback_log where conversation_id = ?").param(conversation)
			.query(String.class).single();
		assertThat(coordinator.get("/report/weekly?scope=line:" + line.key() + "&from=" + today).body()).contains("Fecha de pago del bono");
		assertThat(coordinator.postForm("/feedback/log/" + conversation + "/referrals", Map.of("programme", "Transferencias"))
			.statusCode()).isEqualTo(302);
		assertThat(coordinator.get("/feedback/log/" + conversation).body()).contains("Transferencias").contains("name=\"response\"")
			.contains("/rumours/" + rumour);

		SignedInClient analyst = client(newUser(organisation, Role.ANALYST));
		assertThat(analyst.get("/rumours").statusCode()).isEqualTo(200);
		String page = analyst.get("/rumours/" + rumour).body();
		assertThat(page).contains("Fecha de pago del bono").doesNotContain("cuando pagan el bono")
			.doesNotContain("/rumours/" + rumour + "/status");
		assertThat(analyst.postForm("/rumours/" + rumour + "/status", Map.of("status", "CLOSED")).statusCode()).isEqualTo(403);
		assertThat(analyst.get("/feedback/log/" + conversation).body()).contains("Transferencias").doesNotContain("name=\"response\"");
		assertThat(analyst.postForm("/feedback/log/" + conversation + "/referrals", Map.of("programme", "Salud")).statusCode())
			.isEqualTo(403);
		assertThat(status(rumour)).isEqualTo("VERIFYING");

		Organisation other = newOrganisation();
		newLine(other);
		SignedInClient stranger = client(newUser(other, Role.COORDINATOR));
		assertThat(stranger.get("/rumours/" + rumour).statusCode()).isEqualTo(404);
		assertThat(stranger.postForm("/rumours/" + rumour + "/status", Map.of("status", "CLOSED")).statusCode()).isEqualTo(404);
		assertThat(stranger.get("/rumours").body()).doesNotContain("cuando pagan el bono");
		assertThat(status(rumour)).isEqualTo("VERIFYING");
		assertThat(this.jdbc.sql("select count(*) from feedback_programme_referral where conversation_id = ?").param(conversation)
			.query(Integer.class).single()).isEqualTo(1);
	}

	private SignedInClient client(LineaUser user) {
		return new SignedInClient(this.port).signIn(user.getUsername(), PASSWORD);
	}

	private int reports(long conversation) {
		return this.jdbc.sql("select count(*) from feedback_rumour_report where conversation_id = ?").param(conversation)
			.query(Integer.class).single();
	}

	private String status(long rumour) {
		return this.jdbc.sql("select status from feedback_rumour where id = ?").param(rumour).query(String.class).single();
	}

}
