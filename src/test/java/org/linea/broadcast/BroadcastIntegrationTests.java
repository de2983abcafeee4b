package org.linea.broadcast;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.audience.Audience;
import org.linea.audience.ConsentPurpose;
import org.linea.channel.BulkMessagesReported;
import org.linea.channel.DeliveryStatus;
import org.linea.channel.FakeProvider.Answer;
import org.linea.channel.MessageStatusChanged;
import org.linea.channel.Fixtures;
import org.linea.channel.OutboxSwitch;
import org.linea.channel.whatsapp.FakeGraphApiAccess;
import org.linea.contact.ConsentEvent;
import org.linea.contact.ContactService;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/** Broadcasts on a WhatsApp line against the fake Graph API: who gets what, once, within the line's rules. */
class BroadcastIntegrationTests extends BroadcastChannelTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	ApplicationContext application;

	@Autowired
	BroadcastService broadcasts;

	@Autowired
	BroadcastSettingsStore settings;

	@Autowired
	ContactService contacts;

	@Autowired
	TransactionTemplate transactions;

	MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void theApiCreatesStartsAndCountsABroadcastWithTextInsideTheWindowAndTheTemplateOutside() throws Exception {
		WhatsAppLine wa = whatsAppLine();
		LineaUser coordinator = coordinatorOf(wa.line());
		String writer = randomDigits();
		writeIn(wa, writer);
		eventually(() -> count("select count(*) from conversation_conversation where line_id = ? and last_inbound_at is not null",
				wa.line().id()) == 1, "the person who wrote has a conversation");
		String silent = "+" + randomDigits();
		importPeople(wa.line(), coordinator, "+" + writer, silent);
		addTemplate(wa.line(), "aviso_vacunas", "Hola, hay vacunas el {{1}}.");

		MvcResult created = this.mvc.perform(MockMvcRequestBuilders.post("/api/lines/" + wa.line().key() + "/broadcasts")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "Vacunas", "audience": {"consent": "BROADCASTS"},
					 "message": {"text": "Vacunas gratis el sábado en la plaza.",
					             "template": {"name": "aviso_vacunas", "language": "es", "parameters": ["sábado"]}}}
					""")
			.with(user(coordinator))
			.with(csrf())).andReturn();
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		long id = Long.parseLong(created.getResponse().getContentAsString().replaceAll("\\D", ""));
		assertThat(api(coordinator, "GET", "/api/broadcasts/" + id)).contains("\"status\":\"DRAFT\"", "\"recipients\":0");

		assertThat(api(coordinator, "POST", "/api/broadcasts/" + id + "/start")).contains("\"status\":\"RUNNING\"", "\"recipients\":2");
		eventually(() -> api(coordinator, "GET", "/api/broadcasts/" + id).contains("\"SENT\":2")
				&& api(coordinator, "GET", "/api/broadcasts/" + id).contains("\"status\":\"COMPLETED\""), "both are sent");
		assertThat(api(coordinator, "GET", "/api/broadcasts/" + id)).contains("\"status\":\"COMPLETED\"", "\"QUEUED\":0", "\"FAILED\":0",
				"\"SKIPPED_OPTED_OUT\":0");
		Map<String, JsonNode> byNumber = broadcastSends(wa).stream().collect(Collectors.toMap(n -> n.path("to").asString(), n -> n));
		assertThat(byNumber.get(writer).path("type").asString()).as("inside the window").isEqualTo("text");
		assertThat(byNumber.get(writer).path("text").path("body").asString()).isEqualTo("Vacunas gratis el sábado en la plaza.");
		assertThat(byNumber.get(silent.substring(1)).path("type").asString()).as("outside the window").isEqualTo("template");
		assertThat(api(coordinator, "POST", "/api/broadcasts/" + id + "/resume")).as("a finished broadcast does not resume")
			.contains("\"status\":409");
	}

	@Test
	void someoneWhoOptsOutOrWithdrawsDuringTheCampaignIsNotSentIt() {
		WhatsAppLine wa = whatsAppLine();
		List<String> phones = phones(8);
		long id = startNoticia(wa, 2.0, phones, "la oficina abre");
		// the last in line opts out (STOP) while the campaign runs; the one before withdraws this consent only
		this.contacts.optOut(contactOf(wa.line(), phones.getLast()), "BAJA");
		this.contacts.recordConsent(contactOf(wa.line(), phones.get(6)), "BROADCASTS", ConsentEvent.WITHDRAWN, null, "keyword:NO");

		eventually(() -> this.broadcasts.get(id).status() == CampaignStatus.COMPLETED
				&& counts(id).get(RecipientStatus.SENDING) == 0, "the campaign is over");
		List<String> sentTo = broadcastSends(wa).stream().map(n -> "+" + n.path("to").asString()).toList();
		assertThat(sentTo).doesNotContain(phones.getLast());
		assertThat(counts(id).get(RecipientStatus.SKIPPED_OPTED_OUT)).isEqualTo(phones.size() - sentTo.size());
		assertThat(sentTo).hasSize(6).doesNotContain(phones.get(6));
		assertThatThrownBy(() -> this.broadcasts.cancel(id)).as("a finished broadcast is not cancelled")
			.isInstanceOf(BroadcastConflictException.class);
		assertThat(this.broadcasts.cancelUnlessFinished(id).status()).as("left as it ended, without an error")
			.isEqualTo(CampaignStatus.COMPLETED);
	}

	@Test
	void aCrashedSenderRestartsWithoutSendingAnyoneTwiceOrSkippingAnyone() {
		// the fake reports "sent" (echoing the outbox reference) as soon as it takes a message, as Meta does
		WhatsAppLine wa = whatsAppLine("sent");
		rate(wa, 10.0);
		LineaUser coordinator = coordinatorOf(wa.line());
		List<String> phones = phones(20);
		importPeople(wa.line(), coordinator, phones.toArray(String[]::new));
		addTemplate(wa.line(), "noticia", "Noticia: {{1}}");
		// the fifth message taken by the provider hangs: the node is killed while it waits for the answer
		this.graph.script(wa.phoneNumberId(), Answer.slow(1), Answer.slow(1), Answer.slow(1), Answer.slow(1), Answer.hang());
		signIn(coordinator);
		long id = this.broadcasts.create(wa.line().key(), templateBroadcast("noticia", "reparto de kits"));
		this.broadcasts.start(id);
		eventually(() -> broadcastSends(wa).size() == 5, "the fifth message is in the provider's hands");
		OutboxSwitch.halt(this.application);
		this.graph.release(wa.phoneNumberId());
		OutboxSwitch.resume(this.application);

		eventually(() -> counts(id).get(RecipientStatus.SENT) == 20, "everyone is sent it after the restart");
		Map<String, Long> sends = broadcastSends(wa).stream()
			.collect(Collectors.groupingBy(n -> "+" + n.path("to").asString(), Collectors.counting()));
		assertThat(sends.keySet()).containsExactlyInAnyOrderElementsOf(phones);
		assertThat(sends).allSatisfy((phone, times) -> assertThat(times).as(phone).isEqualTo(1));
	}

	@Test
	void theWeeklyCapSkipsPeopleAndTheDailyLimitPausesUntilTheNextDay() {
		WhatsAppLine wa = whatsAppLine();
		rate(wa, 20.0);
		LineaUser coordinator = coordinatorOf(wa.line());
		List<String> phones = phones(5);
		importPeople(wa.line(), coordinator, phones.toArray(String[]::new));
		addTemplate(wa.line(), "noticia", "Noticia: {{1}}");
		this.settings.save(wa.line(), new BroadcastSettings(null, null, 1, 3));
		signIn(coordinator);
		long first = this.broadcasts.create(wa.line().key(), templateBroadcast("noticia", "primera"));
		this.broadcasts.start(first);

		eventually(() -> counts(first).get(RecipientStatus.SENT) == 3 && this.broadcasts.get(first).status() == CampaignStatus.PAUSED,
				"the number's daily limit is reached after three people");
		Broadcast paused = this.broadcasts.get(first);
		assertThat(paused.pauseReason()).isEqualTo("DAILY_LIMIT");
		assertThat(paused.resumeAt()).isAfter(Instant.now().plusSeconds(23 * 3600));
		assertThat(counts(first).get(RecipientStatus.QUEUED)).isEqualTo(2);

		// the next day: the reach of yesterday is out of the 24 hours, the pause is over
		this.jdbc.sql("update broadcast_recipient set enqueued_at = enqueued_at - interval '25 hours' where campaign_id = ?").param(first).update();
		this.jdbc.sql("update broadcast_campaign set resume_at = now() where id = ?").param(first).update();
		eventually(() -> counts(first).get(RecipientStatus.SENT) == 5 && this.broadcasts.get(first).status() == CampaignStatus.COMPLETED,
				"the rest are sent the next day");

		// a second broadcast the same week: the three people of yesterday got theirs this week already (cap 1)
		long second = this.broadcasts.create(wa.line().key(), templateBroadcast("noticia", "segunda"));
		this.broadcasts.start(second);
		eventually(() -> this.broadcasts.get(second).status() == CampaignStatus.COMPLETED, "the second broadcast is done");
		assertThat(counts(second).get(RecipientStatus.SKIPPED_FREQUENCY_CAP)).isEqualTo(5);
		assertThat(counts(second).get(RecipientStatus.SENT)).isZero();
	}

	@Test
	void quietHoursHoldTheCampaignAndAMarketingCapRefusalIsRecordedNotRetried() {
		WhatsAppLine wa = whatsAppLine();
		rate(wa, 20.0);
		LineaUser coordinator = coordinatorOf(wa.line());
		List<String> phones = phones(3);
		importPeople(wa.line(), coordinator, phones.toArray(String[]::new));
		addTemplate(wa.line(), "noticia", "Noticia: {{1}}");
		LocalTime local = ZonedDateTime.now(wa.line().timeZone()).toLocalTime();
		this.settings.save(wa.line(), new BroadcastSettings(local.minusHours(1), local.plusHours(1), 3, null));
		signIn(coordinator);
		long id = this.broadcasts.create(wa.line().key(), templateBroadcast("noticia", "tercera"));
		this.broadcasts.start(id);
		sleep(1500);
		assertThat(counts(id).get(RecipientStatus.QUEUED)).as("nothing goes out in quiet hours").isEqualTo(3);
		assertThat(broadcastSends(wa)).isEmpty();

		this.graph.script(wa.phoneNumberId(),
				Answer.error(400, "{\"error\":{\"message\":\"(#131049) This message was not delivered to maintain healthy ecosystem engagement.\",\"code\":131049}}"));
		this.settings.save(wa.line(), new BroadcastSettings(null, null, 3, null));
		eventually(() -> this.broadcasts.get(id).status() == CampaignStatus.COMPLETED && counts(id).get(RecipientStatus.SENDING) == 0,
				"the campaign ends after the quiet hours");
		assertThat(counts(id).get(RecipientStatus.SENT)).isEqualTo(2);
		assertThat(this.broadcasts.failures(id)).isEqualTo(Map.of("131049", 1L));
		assertThat(broadcastSends(wa)).as("the refused one is not tried again").hasSize(3);
	}

	@Test
	void aWebhookBatchsReportsMoveEachRecipientForwardInTheOrderTheyCame() {
		WhatsAppLine wa = whatsAppLine();
		List<String> phones = phones(5);
		long id = startNoticia(wa, 20.0, phones, "reparto");
		eventually(() -> this.broadcasts.get(id).status() == CampaignStatus.COMPLETED && counts(id).get(RecipientStatus.SENT) == phones.size(),
				"all are sent");
		List<Long> recipients = this.jdbc.sql("select id from broadcast_recipient where campaign_id = ? order by id").param(id)
			.query(Long.class).list();
		Instant at = Instant.now();
		List<MessageStatusChanged> reports = List.of(report(wa, recipients.get(0), DeliveryStatus.DELIVERED, at, null),
				report(wa, recipients.get(1), DeliveryStatus.READ, at, null),
				report(wa, recipients.get(0), DeliveryStatus.READ, at.plusSeconds(1), null),
				// read before delivered: the delivered that comes after does not move it back
				report(wa, recipients.get(1), DeliveryStatus.DELIVERED, at.minusSeconds(1), null),
				report(wa, recipients.get(2), DeliveryStatus.FAILED, at, "131026"),
				// failed after delivered: stays delivered, as one by one
				report(wa, recipients.get(3), DeliveryStatus.DELIVERED, at, null),
				report(wa, recipients.get(3), DeliveryStatus.FAILED, at, "131000"),
				report(wa, recipients.get(4), DeliveryStatus.QUEUED, at, null));

		this.transactions.executeWithoutResult(status -> this.application.publishEvent(new BulkMessagesReported(reports)));

		assertThat(this.jdbc.sql("select status || ' ' || coalesce(reason, '-') from broadcast_recipient where campaign_id = ? order by id")
			.param(id).query(String.class).list())
			.containsExactly("READ -", "READ -", "FAILED 131026", "DELIVERED -", "SENT -");
		assertThat(this.jdbc.sql("select fallback_status is not null from broadcast_recipient where id = ?").param(recipients.get(2))
			.query(Boolean.class).single()).as("not on WhatsApp: an SMS is decided about").isTrue();
		assertThat(counts(id)).containsEntry(RecipientStatus.READ, 2L).containsEntry(RecipientStatus.FAILED, 1L)
			.containsEntry(RecipientStatus.DELIVERED, 1L).containsEntry(RecipientStatus.SENT, 1L);
	}

	/** A coordinator's broadcast of the template "noticia" to these people, started at this line rate; returns its id. */
	private long startNoticia(WhatsAppLine wa, double rate, List<String> phones, String parameter) {
		rate(wa, rate);
		LineaUser coordinator = coordinatorOf(wa.line());
		importPeople(wa.line(), coordinator, phones.toArray(String[]::new));
		addTemplate(wa.line(), "noticia", "Noticia: {{1}}");
		signIn(coordinator);
		long id = this.broadcasts.create(wa.line().key(), templateBroadcast("noticia", parameter));
		this.broadcasts.start(id);
		return id;
	}

	private static MessageStatusChanged report(WhatsAppLine wa, long recipient, DeliveryStatus status, Instant at, String errorCode) {
		return new MessageStatusChanged(-recipient, wa.line().id(), status, at, errorCode);
	}

	@Test
	void theOpenApiDescriptionHasTheBroadcastsAndImportApi() {
		String description = get("/v3/api-docs").body();
		assertThat(description).contains("/api/lines/{lineKey}/broadcasts", "/api/broadcasts/{id}", "/api/broadcasts/{id}/start",
				"/api/broadcasts/{id}/pause", "/api/broadcasts/{id}/resume", "/api/broadcasts/{id}/cancel",
				"/api/lines/{lineKey}/contacts/import", "/api/lines/{lineKey}/audiences/count");
	}

	private Map<RecipientStatus, Long> counts(long id) {
		return this.broadcasts.get(id).counts();
	}

	private static BroadcastRequest templateBroadcast(String template, String parameter) {
		return new BroadcastRequest(unique("b"), Audience.of(ConsentPurpose.BROADCASTS),
				new BroadcastMessage(null, new BroadcastMessage.TemplateRef(template, "es", List.of(parameter)), null), null);
	}

	private String api(LineaUser user, String method, String path) {
		try {
			var request = "GET".equals(method) ? MockMvcRequestBuilders.get(path) : MockMvcRequestBuilders.post(path);
			return this.mvc.perform(request.with(user(user)).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private List<JsonNode> broadcastSends(WhatsAppLine wa) {
		return this.graph.sent(wa.phoneNumberId()).stream()
			.filter(n -> n.path("type").asString().equals("template") || n.path("text").path("body").asString().startsWith("Vacunas"))
			.toList();
	}

	private long contactOf(Line line, String phone) {
		return this.contacts.find(line.id(), this.contacts.phoneHash(phone)).orElseThrow().id();
	}

	private void addTemplate(Line line, String name, String body) {
		asAdmin(() -> this.accounts.addTemplate(line.key(), name, "es", body));
	}

	private void rate(WhatsAppLine wa, double rate) {
		asAdmin(() -> this.accounts.connect(wa.line().key(), Map.of(), rate));
	}

	/** Numbers in ascending order, as the campaign takes them (contacts are created in this order). */
	private static List<String> phones(int count) {
		List<String> phones = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			phones.add("+" + randomDigits());
		}
		return phones.stream().distinct().toList();
	}

	private void writeIn(WhatsAppLine wa, String from) {
		byte[] inbound = Fixtures.load("whatsapp/text.json", Map.of("PHONE_NUMBER_ID", wa.phoneNumberId(), "FROM", from, "ID",
				"wamid.in-" + UUID.randomUUID())).getBytes(StandardCharsets.UTF_8);
		post("/webhooks/whatsapp/" + wa.line().key(), "application/json", inbound,
				Map.of("X-Hub-Signature-256", FakeGraphApiAccess.sign(wa.appSecret(), inbound)));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
