package org.linea.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** What an integration (Power BI, Kobo, a CRM, an IT volunteer's script) does with the REST API, end to end. */
class RestApiIntegrationTests extends ApiIntegrationTest {

	@Test
	void anAdministratorOpensALineChangesItsHoursLanguagesAndRetentionAndManagesItsPeople() {
		Organisation organisation = newOrganisation();
		ApiClient admin = api(newUser(organisation, Role.ADMIN));
		assertThat(list(admin.get("/api/organisations"))).extracting(o -> o.get("id").asLong()).containsExactly(organisation.id());

		String key = unique("api").substring(0, 12);
		JsonNode line = read(admin.postJson("/api/lines", """
				{"organisationId": %d, "key": "%s", "name": "Línea API", "channelType": "SIMULATOR", "countryCode": "PE",
				 "timeZone": "America/Lima", "languages": ["es"], "openingHours": "", "retentionDays": 30}
				""".formatted(organisation.id(), key)), 201);
		assertThat(line.get("key").asString()).isEqualTo(key);
		JsonNode changed = read(admin.patchJson("/api/lines/" + key, """
				{"languages": ["es", "en", "ht"], "openingHours": "mon-fri 08:00-18:00", "retentionDays": 7}
				"""), 200);
		assertThat(changed.get("languages")).extracting(JsonNode::asString).containsExactly("es", "en", "ht");
		assertThat(changed.get("retentionDays").asInt()).isEqualTo(7);
		assertThat(changed.get("name").asString()).isEqualTo("Línea API");
		assertThat(admin.patchJson("/api/lines/" + key, "{\"openingHours\": \"whenever\"}").statusCode()).isEqualTo(400);
		assertThat(admin.patchJson("/api/lines/" + key, "{\"retentionDays\": 0}").statusCode()).isEqualTo(400);

		JsonNode user = read(admin.postJson("/api/organisations/" + organisation.id() + "/users", """
				{"username": "%s", "displayName": "Ana", "password": "a-long-enough-passphrase", "role": "OPERATOR"}
				""".formatted(unique("ana"))), 201);
		long userId = user.get("userId").asLong();
		JsonNode roles = read(admin.putJson("/api/organisations/" + organisation.id() + "/users/" + userId + "/roles",
				"{\"roles\": [\"OPERATOR\", \"COORDINATOR\"]}"), 200);
		assertThat(roles.get("roles")).extracting(JsonNode::asString).containsExactlyInAnyOrder("OPERATOR", "COORDINATOR");
		assertThat(list(admin.get("/api/organisations/" + organisation.id() + "/users")))
			.anySatisfy(u -> assertThat(u.get("id").asLong()).isEqualTo(userId));
		assertThat(admin.putJson("/api/organisations/" + organisation.id() + "/users/" + userId + "/roles",
				"{\"roles\": [\"INSTALLATION_ADMIN\"]}").statusCode()).isEqualTo(400);

		// another organisation's administrator finds none of it
		ApiClient stranger = api(newUser(newOrganisation(), Role.ADMIN));
		assertThat(stranger.get("/api/lines/" + key).statusCode()).isEqualTo(404);
		assertThat(stranger.patchJson("/api/lines/" + key, "{\"retentionDays\": 1}").statusCode()).isEqualTo(404);
		assertThat(stranger.get("/api/organisations/" + organisation.id() + "/users").statusCode()).isEqualTo(404);
		assertThat(stranger.postJson("/api/lines", """
				{"organisationId": %d, "key": "%s", "name": "x", "channelType": "SIMULATOR", "countryCode": "PE",
				 "timeZone": "America/Lima", "languages": ["es"], "retentionDays": 30}
				""".formatted(organisation.id(), key + "x")).statusCode()).isEqualTo(404);
		assertThat(api(newUser(organisation, Role.OPERATOR)).patchJson("/api/lines/" + key, "{\"retentionDays\": 1}").statusCode())
			.isEqualTo(403);
	}

	@Test
	void aCrmListsOpenConversationsReadsOneAnswersClosesItAndFindsTheCodedRecord() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		ApiClient crm = api(operator);
		String phone = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(phone, "necesito hablar con una persona", null));
		eventually(() -> list(crm.get("/api/lines/" + line.key() + "/conversations?view=waiting")).size() == 1, "the person waits");
		JsonNode entry = list(crm.get("/api/lines/" + line.key() + "/conversations?view=waiting")).getFirst();
		long conversation = entry.get("conversationId").asLong();
		assertThat(entry.get("contactCode").asString()).matches("\\d{2}PE\\d{4}");
		assertThat(entry.toString()).doesNotContain(phone.substring(1));

		JsonNode detail = read(crm.get("/api/conversations/" + conversation), 200);
		assertThat(detail.get("messages")).anySatisfy(m -> assertThat(m.get("body").asString()).contains("hablar con una persona"));
		assertThat(detail.get("maskedPhone").asString()).doesNotContain(phone.substring(4));
		assertThat(this.jdbc.sql("select count(*) from privacy_audit_log where action = 'CONVERSATION_VIEWED' and subject_id = ?")
			.param(Long.toString(conversation)).query(Integer.class).single()).as("the read is audited").isPositive();

		assertThat(crm.postJson("/api/conversations/" + conversation + "/replies", "{\"text\": \"Hola, le escribe Ana.\"}").statusCode())
			.isEqualTo(202);
		eventually(() -> this.simulator.thread(line, phone).stream().anyMatch(m -> m.text() != null && m.text().contains("le escribe Ana")),
				"the answer reaches the person");
		assertThat(crm.postJson("/api/conversations/" + conversation + "/close",
				"{\"topics\": [\"salud\"], \"informationTypes\": [], \"feedbackType\": \"QUESTION\"}").statusCode()).isEqualTo(200);

		ApiClient analyst = api(newUser(organisation, Role.ANALYST));
		eventually(() -> read(analyst.get("/api/lines/" + line.key() + "/feedback"), 200).get("total").asLong() == 1, "the record is in the log");
		JsonNode record = read(analyst.get("/api/lines/" + line.key() + "/feedback"), 200).get("records").get(0);
		assertThat(record.get("conversationId").asLong()).isEqualTo(conversation);
		assertThat(record.get("feedbackType").asString()).isEqualTo("QUESTION");
		assertThat(record.toString()).doesNotContain("hablar con una persona").doesNotContain(phone.substring(1));
		assertThat(analyst.get("/api/conversations/" + conversation).statusCode()).as("analysts never read messages").isEqualTo(403);
		assertThat(api(newUser(newOrganisation(), Role.OPERATOR)).get("/api/conversations/" + conversation).statusCode()).isEqualTo(404);
	}

	@Test
	void aProgrammesEnrolmentConsentIsRecordedWithItsEvidenceAndReadBack() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		String phone = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(phone, "hola", null));
		eventually(() -> this.jdbc.sql("select count(*) from contact_contact where line_id = ?").param(line.id())
			.query(Integer.class).single() == 1, "the person is a contact");
		String code = this.jdbc.sql("select code from contact_contact where line_id = ?").param(line.id()).query(String.class).single();
		ApiClient coordinator = api(newUser(organisation, Role.COORDINATOR));
		String path = "/api/lines/" + line.key() + "/contacts/" + code + "/consent";

		JsonNode consent = read(coordinator.postJson(path, """
				{"purpose": "BROADCASTS", "event": "GIVEN", "wordingVersion": "ctp-2026-v2", "source": "CTP enrolment form"}
				"""), 201);
		assertThat(consent.get("current").get("BROADCASTS").asString()).isEqualTo("GIVEN");
		assertThat(consent.get("ledger")).anySatisfy(e -> assertThat(e.get("source").asString()).isEqualTo("CTP enrolment form"));
		assertThat(coordinator.postJson(path, "{\"purpose\": \"ANYTHING\", \"event\": \"GIVEN\", \"source\": \"x\"}").statusCode()).isEqualTo(400);
		assertThat(read(coordinator.get(path), 200).get("current").get("BROADCASTS").asString()).isEqualTo("GIVEN");
		assertThat(api(newUser(organisation, Role.OPERATOR)).get(path).statusCode()).isEqualTo(403);
	}

	/** Item 4 of issue 13, operation by operation: each is described, with the schema of what it takes or gives. */
	@Test
	void theOpenApiDescriptionHasEveryIntegrationOperationWithItsSchema() {
		JsonNode docs = read(new ApiClient(this.port, null).get("/v3/api-docs"), 200);
		JsonNode schemas = docs.get("components").get("schemas");
		List<String> missing = new ArrayList<>();
		for (String operation : List.of(
				// organisations
				"GET /api/organisations", "POST /api/organisations",
				// lines: create and change hours, languages, retention
				"GET /api/lines", "POST /api/lines", "GET /api/lines/{lineKey}", "PATCH /api/lines/{lineKey}",
				// users and roles
				"GET /api/organisations/{organisationId}/users", "POST /api/organisations/{organisationId}/users",
				"PUT /api/organisations/{organisationId}/users/{userId}/roles",
				// contacts: lookup, consent
				"GET /api/lines/{lineKey}/contacts/lookup", "GET /api/lines/{lineKey}/contacts/{code}/consent",
				"POST /api/lines/{lineKey}/contacts/{code}/consent",
				// conversations: list and filter, messages, assign, close, code
				"GET /api/lines/{lineKey}/conversations", "GET /api/conversations/{conversationId}",
				"GET /api/conversations/{conversationId}/messages", "POST /api/conversations/{conversationId}/assign",
				"POST /api/conversations/{conversationId}/replies", "POST /api/conversations/{conversationId}/close",
				"PUT /api/conversations/{conversationId}/coding",
				// the feedback log: query, export
				"GET /api/lines/{lineKey}/feedback", "GET /api/lines/{lineKey}/feedback/export",
				// dashboard figures and the weekly report
				"GET /api/lines/{lineKey}/dashboard", "GET /api/organisations/{organisationId}/dashboard", "GET /api/reports/weekly",
				// outgoing webhooks
				"GET /api/organisations/{organisationId}/webhooks", "POST /api/organisations/{organisationId}/webhooks",
				// a line's templates, kept in step with the provider (issue 11)
				"GET /api/lines/{lineKey}/templates", "POST /api/lines/{lineKey}/templates/sync")) {
			String method = operation.substring(0, operation.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
			JsonNode described = docs.get("paths").path(operation.substring(operation.indexOf(' ') + 1)).path(method);
			if (described.isMissingNode()) {
				missing.add(operation + ": not described");
				continue;
			}
			if (described.path("summary").asString("").isBlank()) {
				missing.add(operation + ": no summary");
			}
			List<JsonNode> given = new ArrayList<>();
			described.path("responses").properties().forEach(r -> {
				if (r.getKey().startsWith("2")) {
					r.getValue().path("content").forEach(c -> given.add(c.path("schema")));
				}
			});
			List<JsonNode> taken = new ArrayList<>();
			described.path("requestBody").path("content").forEach(c -> taken.add(c.path("schema")));
			if (method.equals("get") ? given.isEmpty() : given.isEmpty() && taken.isEmpty()) {
				missing.add(operation + ": no schema");
			}
			for (JsonNode schema : concat(given, taken)) {
				JsonNode referenced = schema.has("items") ? schema.get("items") : schema;
				String ref = referenced.path("$ref").asString("");
				if (!ref.isEmpty() && !schemas.has(ref.substring(ref.lastIndexOf('/') + 1))) {
					missing.add(operation + ": " + ref + " is not in the components");
				}
			}
		}
		assertThat(missing).isEmpty();
		// examples where a reader needs them: the weekly report's ISO week and its figures
		assertThat(docs.get("paths").get("/api/reports/weekly").get("get").get("parameters"))
			.anySatisfy(p -> assertThat(p.path("example").asString("")).isEqualTo("2026-W48"));
		assertThat(schemas.get("WeeklyItem").get("properties").get("count").get("example").asString()).isEqualTo("42");
	}

	private static List<JsonNode> concat(List<JsonNode> one, List<JsonNode> other) {
		List<JsonNode> all = new ArrayList<>(one);
		all.addAll(other);
		return all;
	}

	private ApiClient api(LineaUser user) {
		return api(user, "integration");
	}

	private List<JsonNode> list(HttpResponse<String> response) {
		List<JsonNode> items = new ArrayList<>();
		read(response, 200).forEach(items::add);
		return items;
	}

}
