package org.linea.channel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.access.ChannelType;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.channel.twilio.FakeTwilioApi;
import org.linea.channel.whatsapp.FakeGraphApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * Templates kept in step with the provider (issue 11, item 5): read from a WhatsApp Business Account and
 * from Twilio Content over several pages, changed by Meta's template webhooks, shown per line, and
 * only approved ones accepted by a broadcast.
 */
class TemplateSyncIntegrationTests extends ChannelIntegrationTest {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private ChannelService channels;

	@Autowired
	private JsonMapper json;

	private MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	/** A WhatsApp line whose business account (its own, so no other test reads it) has these templates. */
	private record Waba(WhatsAppLine wa, String id) {
	}

	private Waba whatsAppLineWithTemplates(List<Map<String, Object>> templates) {
		WhatsAppLine wa = whatsAppLine();
		String waba = String.valueOf(200_000_000_000L + ThreadLocalRandom.current().nextLong(700_000_000_000L));
		asAdmin(() -> this.accounts.connect(wa.line().key(), Map.of("businessAccountId", waba), null));
		this.graph.registerBusinessAccount(waba, new FakeGraphApi.Account(wa.token(), templates));
		return new Waba(wa, waba);
	}

	private static List<Map<String, Object>> threeTemplates() {
		return List.of(FakeGraphApi.template("1001", "aviso_vacunas", "es", "APPROVED", "UTILITY", "Hola, hay vacunas el {{1}} en {{2}}."),
				FakeGraphApi.template("1002", "feria_salud", "es", "APPROVED", "MARKETING", "Feria de salud este sábado."),
				FakeGraphApi.template("1003", "aviso_rechazado", "en", "REJECTED", "UTILITY", "Rejected {{1}}"));
	}

	@Test
	void readsTheBusinessAccountsTemplatesOverTwoPagesAndTheProvidersListBecomesTheLines() throws Exception {
		Waba waba = whatsAppLineWithTemplates(threeTemplates());
		Line line = waba.wa().line();
		asAdmin(() -> this.accounts.addTemplate(line.key(), "typed_by_hand", "es", "Ya no existe en Meta"));
		LineaUser coordinator = newUser(this.organisations.get(line.organisationId()), Role.COORDINATOR);

		JsonNode synced = json(call(coordinator, MockMvcRequestBuilders.post("/api/lines/" + line.key() + "/templates/sync"), 200));

		assertThat(this.graph.received(waba.id())).as("two pages: %d templates, %d a page", 3, FakeGraphApi.TEMPLATE_PAGE).hasSize(2)
			.allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + waba.wa().token()));
		assertThat(synced.path("lastSync").path("succeeded").asBoolean()).isTrue();
		assertThat(synced.path("lastSync").path("templates").asInt()).isEqualTo(3);
		Map<String, JsonNode> byName = byName(synced.path("templates"));
		assertThat(byName).containsOnlyKeys("aviso_vacunas", "feria_salud", "aviso_rechazado");
		assertThat(byName.get("aviso_vacunas").path("category").asString()).isEqualTo("UTILITY");
		assertThat(byName.get("aviso_vacunas").path("status").asString()).isEqualTo("APPROVED");
		assertThat(byName.get("aviso_vacunas").path("body").asString()).isEqualTo("Hola, hay vacunas el {{1}} en {{2}}.");
		assertThat(byName.get("aviso_vacunas").path("parameterCount").asInt()).isEqualTo(2);
		assertThat(byName.get("feria_salud").path("category").asString()).isEqualTo("MARKETING");
		assertThat(byName.get("aviso_rechazado").path("status").asString()).isEqualTo("REJECTED");
		assertThat(this.channels.templates(line)).as("only approved templates are sendable")
			.extracting(MessageTemplate::name).containsExactlyInAnyOrder("aviso_vacunas", "feria_salud");

		// the same answer as GET, and a second reading changes nothing
		assertThat(byName(json(call(coordinator, MockMvcRequestBuilders.get("/api/lines/" + line.key() + "/templates"), 200)).path("templates")))
			.containsOnlyKeys("aviso_vacunas", "feria_salud", "aviso_rechazado");
	}

	@Test
	void aFailedReadingKeepsTheTemplatesAndSaysWhy() throws Exception {
		Waba waba = whatsAppLineWithTemplates(threeTemplates());
		Line line = waba.wa().line();
		asAdmin(() -> this.accounts.connect(line.key(), Map.of("accessToken", "EAAG-expired"), null));
		asAdmin(() -> this.accounts.addTemplate(line.key(), "typed_by_hand", "es", "Hola"));
		LineaUser coordinator = newUser(this.organisations.get(line.organisationId()), Role.COORDINATOR);

		JsonNode answer = json(call(coordinator, MockMvcRequestBuilders.post("/api/lines/" + line.key() + "/templates/sync"), 200));

		assertThat(answer.path("lastSync").path("succeeded").asBoolean()).isFalse();
		assertThat(answer.path("lastSync").path("error").asString()).contains("HTTP 401");
		assertThat(this.channels.templates(line)).extracting(MessageTemplate::name).containsExactly("typed_by_hand");
	}

	@Test
	void metasCategoryAndStatusWebhooksChangeTheStoredTemplate() throws Exception {
		Waba waba = whatsAppLineWithTemplates(threeTemplates());
		Line line = waba.wa().line();
		LineaUser coordinator = newUser(this.organisations.get(line.organisationId()), Role.COORDINATOR);
		call(coordinator, MockMvcRequestBuilders.post("/api/lines/" + line.key() + "/templates/sync"), 200);

		assertThat(this.graph.templateChange(waba.wa().number(), waba.id(), "template_category_update", Map.of("message_template_id", 1001,
				"message_template_name", "aviso_vacunas", "message_template_language", "es", "previous_category", "UTILITY",
				"new_category", "MARKETING"))).isEqualTo(200);
		assertThat(template(line, "aviso_vacunas").category()).isEqualTo("MARKETING");
		assertThat(template(line, "aviso_vacunas").approved()).isTrue();

		assertThat(this.graph.templateChange(waba.wa().number(), waba.id(), "message_template_status_update", Map.of("event", "PAUSED",
				"message_template_id", 1002, "message_template_name", "feria_salud", "message_template_language", "es", "reason", "LOW_QUALITY")))
			.isEqualTo(200);
		assertThat(template(line, "feria_salud").status()).isEqualTo("PAUSED");
		assertThat(this.channels.templates(line)).extracting(MessageTemplate::name).containsExactly("aviso_vacunas");

		assertThat(this.graph.templateChange(waba.wa().number(), waba.id(), "message_template_status_update", Map.of("event", "APPROVED",
				"message_template_id", 1003, "message_template_name", "aviso_rechazado", "message_template_language", "en", "reason", "NONE")))
			.isEqualTo(200);
		assertThat(this.channels.templates(line)).extracting(MessageTemplate::name).containsExactlyInAnyOrder("aviso_vacunas", "aviso_rechazado");
		// each call is kept like every webhook call
		assertThat(count("select count(*) from channel_inbound_event where line_id = ?", line.id())).isEqualTo(3);
	}

	@Test
	void readsTwilioContentTemplatesWithTheirWhatsAppApprovalOverTwoPages() throws Exception {
		TwilioLine tw = twilioLine(ChannelType.TWILIO_WHATSAPP);
		String approved = this.twilio.addContent(tw.accountSid(), "aviso_vacunas", "es", "Vacunas el {{1}}", "approved", "UTILITY");
		String marketing = this.twilio.addContent(tw.accountSid(), "feria", "es", "Feria de salud", "approved", "MARKETING");
		String pending = this.twilio.addContent(tw.accountSid(), "nuevo", "en", "New {{1}}", "pending", "UTILITY");
		String draft = this.twilio.addContent(tw.accountSid(), "borrador", "es", "Borrador", null, null);
		LineaUser coordinator = newUser(this.organisations.get(tw.line().organisationId()), Role.COORDINATOR);

		JsonNode synced = json(call(coordinator, MockMvcRequestBuilders.post("/api/lines/" + tw.line().key() + "/templates/sync"), 200));

		assertThat(this.twilio.contentRequests(tw.accountSid()).stream().filter(r -> r.path().equals("/v1/Content")))
			.as("two pages of %d", FakeTwilioApi.CONTENT_PAGE).hasSize(2);
		assertThat(this.twilio.contentRequests(tw.accountSid()).stream().filter(r -> r.path().endsWith("/ApprovalRequests"))).hasSize(4);
		Map<String, JsonNode> byName = byName(synced.path("templates"));
		assertThat(byName).containsOnlyKeys(approved, marketing, pending, draft);
		assertThat(byName.get(approved).path("label").asString()).isEqualTo("aviso_vacunas");
		assertThat(byName.get(approved).path("status").asString()).isEqualTo("APPROVED");
		assertThat(byName.get(approved).path("category").asString()).isEqualTo("UTILITY");
		assertThat(byName.get(approved).path("parameterCount").asInt()).isEqualTo(1);
		assertThat(byName.get(marketing).path("category").asString()).isEqualTo("MARKETING");
		assertThat(byName.get(pending).path("status").asString()).isEqualTo("PENDING");
		assertThat(byName.get(draft).path("status").asString()).isEqualTo("UNSUBMITTED");
		assertThat(byName.get(approved).path("source").asString()).isEqualTo("TWILIO");
		// a broadcast may name it by its friendly name; the send names the Content SID
		assertThat(this.channels.template(tw.line(), "aviso_vacunas", "es")).get().extracting(MessageTemplate::name).isEqualTo(approved);
	}

	@Test
	void twiliosEventStreamsApprovalEventsChangeTheStoredTemplateOnlyWhenSignedAndOfTheLinesAccount() throws Exception {
		TwilioLine tw = twilioLine(ChannelType.TWILIO_WHATSAPP);
		String vacunas = this.twilio.addContent(tw.accountSid(), "aviso_vacunas", "es", "Vacunas el {{1}}", "approved", "UTILITY");
		String nuevo = this.twilio.addContent(tw.accountSid(), "nuevo", "en", "New {{1}}", "pending", "UTILITY");
		LineaUser coordinator = newUser(this.organisations.get(tw.line().organisationId()), Role.COORDINATOR);
		call(coordinator, MockMvcRequestBuilders.post("/api/lines/" + tw.line().key() + "/templates/sync"), 200);
		String key = tw.line().key();

		// one delivery of two events: the pending one approved, the approved one moved to marketing
		String delivery = "[" + FakeTwilioApi.approvalUpdated(tw.accountSid(), nuevo, "en", "status_update", "pending", "approved") + ","
				+ FakeTwilioApi.approvalUpdated(tw.accountSid(), vacunas, "es", "category_update", "utility", "marketing") + "]";
		assertThat(this.twilio.events(tw.account(), key, delivery)).isEqualTo(200);
		assertThat(template(tw.line(), nuevo).status()).isEqualTo("APPROVED");
		assertThat(template(tw.line(), vacunas).category()).isEqualTo("MARKETING");
		assertThat(this.channels.templates(tw.line())).extracting(MessageTemplate::name).containsExactlyInAnyOrder(vacunas, nuevo);
		// delivered again (Event Streams is at least once): acknowledged, nothing changes
		assertThat(this.twilio.events(tw.account(), key, delivery)).isEqualTo(200);
		assertThat(template(tw.line(), nuevo).status()).isEqualTo("APPROVED");

		// Meta pauses it: no longer sendable
		assertThat(this.twilio.events(tw.account(), key,
				"[" + FakeTwilioApi.approvalUpdated(tw.accountSid(), vacunas, "es", "status_update", "approved", "paused") + "]")).isEqualTo(200);
		assertThat(this.channels.templates(tw.line())).extracting(MessageTemplate::name).containsExactly(nuevo);

		// signed with another token: 403 and nothing changes
		assertThat(this.twilio.events(tw.account(), key,
				"[" + FakeTwilioApi.approvalUpdated(tw.accountSid(), nuevo, "en", "status_update", "approved", "rejected") + "]", "forged-token"))
			.isEqualTo(403);
		// signed, but about another account's template: 400 with the reason, nothing changes
		assertThat(this.twilio.events(tw.account(), key,
				"[" + FakeTwilioApi.approvalUpdated("AC" + "0".repeat(32), nuevo, "en", "status_update", "approved", "rejected") + "]"))
			.isEqualTo(400);
		// signed, not an array of events: 400
		assertThat(this.twilio.events(tw.account(), key, "not json")).isEqualTo(400);
		assertThat(template(tw.line(), nuevo).status()).isEqualTo("APPROVED");
		// the sink's address is shown with the line's webhooks (WhatsApp through Twilio only)
		List<String> shown = new java.util.ArrayList<>();
		asAdmin(() -> this.accounts.setup(key).webhooks().forEach(webhook -> shown.add(webhook.url())));
		assertThat(shown).contains("http://localhost:8080/webhooks/twilio/" + key + "/events");
	}

	@Test
	void aBroadcastWithATemplateTheLineDoesNotHaveOrThatIsNotApprovedIsRefused() throws Exception {
		Waba waba = whatsAppLineWithTemplates(threeTemplates());
		Line line = waba.wa().line();
		LineaUser coordinator = newUser(this.organisations.get(line.organisationId()), Role.COORDINATOR);
		call(coordinator, MockMvcRequestBuilders.post("/api/lines/" + line.key() + "/templates/sync"), 200);

		String unknown = call(coordinator, broadcast(line, "no_existe", "es", "[]"), 400).getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(unknown).contains("no_existe");
		String rejected = call(coordinator, broadcast(line, "aviso_rechazado", "en", "[\"x\"]"), 400).getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(rejected).contains("aviso_rechazado", "REJECTED");
		assertThat(count("select count(*) from broadcast_campaign where line_id = ?", line.id())).isZero();

		MvcResult created = call(coordinator, broadcast(line, "feria_salud", "es", "[]"), 201);
		long id = Long.parseLong(created.getResponse().getContentAsString().replaceAll("\\D", ""));
		String page = call(coordinator, MockMvcRequestBuilders.get("/broadcasts/" + id).header("Accept-Language", "en"), 200).getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"broadcast-template-category\"", "Marketing", "131049");
	}

	@Test
	void aBroadcastWaitingToSendATemplateMetaPausesIsPausedAndCannotResumeUntilItIsApprovedAgain() throws Exception {
		Waba waba = whatsAppLineWithTemplates(threeTemplates());
		Line line = waba.wa().line();
		LineaUser coordinator = newUser(this.organisations.get(line.organisationId()), Role.COORDINATOR);
		call(coordinator, MockMvcRequestBuilders.post("/api/lines/" + line.key() + "/templates/sync"), 200);
		MvcResult created = call(coordinator, MockMvcRequestBuilders.post("/api/lines/" + line.key() + "/broadcasts")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "Feria", "audience": {"consent": "BROADCASTS"}, "startAt": "2099-01-01T10:00:00Z",
					 "message": {"template": {"name": "feria_salud", "language": "es", "parameters": []}}}
					"""), 201);
		long id = Long.parseLong(created.getResponse().getContentAsString().replaceAll("\\D", ""));
		call(coordinator, MockMvcRequestBuilders.post("/api/broadcasts/" + id + "/start"), 200);
		assertThat(json(call(coordinator, MockMvcRequestBuilders.get("/api/broadcasts/" + id), 200)).path("status").asString())
			.isEqualTo("SCHEDULED");

		this.graph.templateChange(waba.wa().number(), waba.id(), "message_template_status_update", Map.of("event", "PAUSED",
				"message_template_id", 1002, "message_template_name", "feria_salud", "message_template_language", "es", "reason", "LOW_QUALITY"));

		eventually(() -> count("select count(*) from broadcast_campaign where id = ? and status = 'PAUSED' and pause_reason = 'TEMPLATE_NOT_APPROVED'",
				id) == 1, "the broadcast is paused");
		String refused = call(coordinator, MockMvcRequestBuilders.post("/api/broadcasts/" + id + "/resume"), 400).getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("feria_salud", "PAUSED");

		this.graph.templateChange(waba.wa().number(), waba.id(), "message_template_status_update", Map.of("event", "REINSTATED",
				"message_template_id", 1002, "message_template_name", "feria_salud", "message_template_language", "es", "reason", "NONE"));
		assertThat(json(call(coordinator, MockMvcRequestBuilders.post("/api/broadcasts/" + id + "/resume"), 200)).path("status").asString())
			.isNotEqualTo("PAUSED");
	}

	@Test
	void theTemplatesPageShowsCategoryAndStatusToACoordinatorAndIsRefusedToAnOperator() throws Exception {
		Waba waba = whatsAppLineWithTemplates(threeTemplates());
		Line line = waba.wa().line();
		var organisation = this.organisations.get(line.organisationId());
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		LineaUser operator = newUser(organisation, Role.OPERATOR);

		// the button: read from the provider, back to the page
		MvcResult button = call(coordinator, MockMvcRequestBuilders.post("/lines/" + line.key() + "/templates/sync"), 302);
		assertThat(button.getResponse().getRedirectedUrl()).isEqualTo("/lines/" + line.key() + "/templates");
		String spanish = call(coordinator, MockMvcRequestBuilders.get("/lines/" + line.key() + "/templates").header("Accept-Language", "es"), 200)
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(spanish).contains("id=\"templates-table\"", "aviso_vacunas", "Utilidad", "Marketing", "Aprobada", "Rechazada",
				"id=\"templates-sync\"", "3 plantillas");
		String english = call(coordinator, MockMvcRequestBuilders.get("/lines/" + line.key() + "/templates").header("Accept-Language", "en"), 200)
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("Utility", "Approved", "Rejected", "Read templates from the provider");

		int refused = call(operator, MockMvcRequestBuilders.get("/lines/" + line.key() + "/templates"), -1).getResponse().getStatus();
		assertThat(refused).isIn(403, 404);
		int refusedSync = call(operator, MockMvcRequestBuilders.post("/api/lines/" + line.key() + "/templates/sync"), -1).getResponse().getStatus();
		assertThat(refusedSync).isIn(403, 404);
		assertThat(this.graph.received(waba.id())).as("the operator's attempt reached no provider").hasSize(2);
	}

	private MockHttpServletRequestBuilder broadcast(Line line, String template, String language, String parameters) {
		return MockMvcRequestBuilders.post("/api/lines/" + line.key() + "/broadcasts")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "Aviso", "audience": {"consent": "BROADCASTS"},
					 "message": {"template": {"name": "%s", "language": "%s", "parameters": %s}}}
					""".formatted(template, language, parameters));
	}

	private MessageTemplate template(Line line, String name) {
		return this.channels.template(line, name, null).orElseThrow();
	}

	/** Performs the request as the user; checks the status unless it is -1. */
	private MvcResult call(LineaUser user, MockHttpServletRequestBuilder request, int status) throws Exception {
		MvcResult result = this.mvc.perform(request.with(user(user)).with(csrf())).andReturn();
		if (status != -1) {
			assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(status);
		}
		return result;
	}

	private JsonNode json(MvcResult result) throws Exception {
		return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private static Map<String, JsonNode> byName(JsonNode templates) {
		Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
		templates.forEach(t -> byName.put(t.path("name").asString(), t));
		return byName;
	}

}
