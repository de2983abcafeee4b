package org.linea.feedback;

import org.linea.feedback.rumour.RumourBoard;
import org.linea.feedback.rumour.RumourDetail;
import org.linea.feedback.rumour.RumourFigures;
import org.linea.feedback.rumour.RumourService;
import org.linea.feedback.rumour.RumourStatus;
import org.linea.feedback.rumour.RumourSummary;
import org.linea.feedback.rumour.CounterMessageOutcome;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineForm;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.ChannelAccounts;
import org.linea.channel.ChannelService;
import org.linea.access.ChannelType;
import org.linea.channel.InboundMessage;
import org.linea.channel.MessageKind;
import org.linea.channel.whatsapp.FakeGraphApi;
import org.linea.contact.ContactService;
import org.linea.knowledge.KnowledgeService;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RumoursIntegrationTests extends InteractionsIntegrationTest {

	private static final String BONO_ENDS = "Dicen que la Cruz Roja cancela el bono en diciembre";

	private static final String BONO_ENDS_ASKED = "¿Es cierto que cancelan el bono de la Cruz Roja en diciembre?";

	private static final String RIVER = "El agua del río está contaminada con petróleo, no la tomen";

	@Autowired
	RumourService rumours;

	@Autowired
	RumourBoard board;

	@Autowired
	RumourFigures figures;

	@Autowired
	KnowledgeService knowledge;

	@Autowired
	ChannelService channels;

	@Autowired
	ChannelAccounts accounts;

	@Autowired
	ContactService contacts;

	@Test
	void alikeRumoursDifferentlyWordedEndInOneGroupAndAnUnrelatedOneInAnother() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		long first = written(line, randomPhone(), BONO_ENDS);
		long second = written(line, randomPhone(), BONO_ENDS_ASKED);
		long third = written(line, randomPhone(), RIVER);

		signIn(operator);
		long group = this.rumours.flag(first, inbound(first, BONO_ENDS));
		long sameGroup = this.rumours.flag(second, null);
		long otherGroup = this.rumours.flag(third, inbound(third, RIVER));
		assertThat(sameGroup).isEqualTo(group);
		assertThat(otherGroup).isNotEqualTo(group);
		// flagging the same message again changes nothing
		assertThat(this.rumours.flag(first, inbound(first, BONO_ENDS))).isEqualTo(group);
		assertThat(this.jdbc.sql("select count(*) from feedback_rumour_report where rumour_id = ?").param(group)
			.query(Integer.class).single()).isEqualTo(2);

		signIn(newUser(organisation, Role.COORDINATOR));
		List<RumourSummary> listed = this.board.rumours();
		assertThat(listed).extracting(RumourSummary::id).containsExactly(group, otherGroup);
		RumourSummary bono = listed.getFirst();
		assertThat(bono.title()).as("named by a coordinator, never by what a person wrote").isNull();
		assertThat(bono.status()).isEqualTo(RumourStatus.NEW);
		assertThat(bono.reports()).isEqualTo(2);
		assertThat(bono.lastWeek()).isEqualTo(2);
		assertThat(bono.rising()).isTrue();
		assertThat(bono.lines()).containsExactly(line.name());
		// reported 10 days ago and not since: falling, listed after the rising one
		this.jdbc.sql("update feedback_rumour_report set flagged_at = now() - interval '10 days' where rumour_id = ?")
			.param(otherGroup).update();
		RumourSummary river = this.board.rumours().getLast();
		assertThat(river.id()).isEqualTo(otherGroup);
		assertThat(river.lastWeek()).isZero();
		assertThat(river.weekBefore()).isEqualTo(1);
		assertThat(river.rising()).isFalse();
		this.jdbc.sql("update feedback_rumour_report set flagged_at = now() where rumour_id = ?").param(otherGroup).update();
		RumourDetail detail = this.board.detail(group);
		assertThat(detail.reports()).extracting(RumourDetail.Report::text).containsExactlyInAnyOrder(BONO_ENDS, BONO_ENDS_ASKED);
		assertThat(detail.weeks().values()).containsExactly(2L);

		LineScope scope = new LineScope("line:" + line.key(), organisation.id(), line.name(), List.of(line),
				java.time.LocalDate.now().minusDays(1), java.time.LocalDate.now().plusDays(1));
		RumourFigures.Counts counts = this.figures.of(scope, 5);
		assertThat(counts.reports()).isEqualTo(3);
		assertThat(counts.groups()).isEqualTo(2);
		assertThat(counts.top().getFirst().id()).isEqualTo(group);
		assertThat(counts.top().getFirst().reports()).isEqualTo(2);
	}

	@Test
	void analystsReadRumoursWithoutWhatPeopleSaidAndCannotChangeThemOtherOrganisationsDoNotSeeThem() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		long conversation = written(line, randomPhone(), BONO_ENDS);
		signIn(newUser(organisation, Role.OPERATOR));
		long group = this.rumours.flag(conversation, null);

		signIn(newUser(organisation, Role.ANALYST));
		RumourDetail read = this.board.detail(group);
		assertThat(read.summary().reports()).isEqualTo(1);
		assertThat(read.reports()).isEmpty();
		assertThat(read.editable()).isFalse();
		assertThatThrownBy(() -> this.rumours.changeStatus(group, RumourStatus.VERIFYING)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.rumours.flag(conversation, null)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.rumours.retitle(group, "x")).isInstanceOf(AccessDeniedException.class);

		Organisation other = newOrganisation();
		newLine(other);
		signIn(newUser(other, Role.COORDINATOR));
		assertThatThrownBy(() -> this.board.detail(group)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.rumours.changeStatus(group, RumourStatus.VERIFYING)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.rumours.flag(conversation, null)).isInstanceOf(NotFoundException.class);
		assertThat(this.board.rumours()).extracting(RumourSummary::id).doesNotContain(group);
		assertThat(status(group)).isEqualTo("NEW");
	}

	@Test
	void aRumourIsVerifiedAnsweredWithAValidatedEntryAndClosedEveryStepKept() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		seedBank(line);
		long conversation = written(line, randomPhone(), BONO_ENDS);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		signIn(coordinator);
		long group = this.rumours.flag(conversation, null);

		assertThatThrownBy(() -> this.rumours.changeStatus(group, RumourStatus.ANSWERED)).isInstanceOf(InvalidRequestException.class);
		this.rumours.changeStatus(group, RumourStatus.VERIFYING);
		assertThatThrownBy(() -> this.rumours.retitle(group, "  ")).isInstanceOf(InvalidRequestException.class);
		this.rumours.retitle(group, "Cancelación del bono   en diciembre");
		assertThatThrownBy(() -> this.rumours.chooseCounterMessage(group, "NOPE-99")).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> this.rumours.closeTheLoop(group, "")).isInstanceOf(InvalidRequestException.class);
		assertThat(this.board.counterMessageChoices(group)).containsKey("RUM-01");
		this.rumours.chooseCounterMessage(group, "RUM-01");
		this.rumours.changeStatus(group, RumourStatus.ANSWERED);
		this.rumours.changeStatus(group, RumourStatus.CLOSED);
		assertThatThrownBy(() -> this.rumours.changeStatus(group, RumourStatus.ANSWERED)).isInstanceOf(InvalidRequestException.class);

		RumourDetail detail = this.board.detail(group);
		assertThat(detail.summary().status()).isEqualTo(RumourStatus.CLOSED);
		assertThat(detail.summary().counterEntryKey()).isEqualTo("RUM-01");
		assertThat(detail.summary().title()).isEqualTo("Cancelación del bono en diciembre");
		assertThat(detail.history()).extracting(RumourDetail.StatusChange::status)
			.containsExactly(RumourStatus.CLOSED, RumourStatus.ANSWERED, RumourStatus.VERIFYING, RumourStatus.NEW);
		assertThat(detail.history()).extracting(RumourDetail.StatusChange::changedBy).containsOnly(coordinator.displayName());

		// a closed rumour takes no new reports: an alike one starts a new group
		long later = written(line, randomPhone(), BONO_ENDS_ASKED);
		assertThat(this.rumours.flag(later, null)).isNotEqualTo(group);
	}

	@Test
	void theCounterMessageGoesAsTextInsideTheWindowByTemplateOutsideItAndNeverToPeopleWhoOptedOut() {
		Organisation organisation = newOrganisation();
		Line line = this.lines.create(new LineForm(organisation.id(), unique("wa"), "WhatsApp Tumbes", ChannelType.WHATSAPP_CLOUD, "PE",
				"America/Lima", List.of("es", "en"), "", 30, 30));
		seedBank(line);
		// connected to the fake Graph API: what closing the loop sends is observed where Meta would receive it
		String phoneNumberId = String.valueOf(100_000_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextLong(800_000_000_000L));
		String token = "EAAG" + UUID.randomUUID();
		FakeGraphApi.instance().register(phoneNumberId, new FakeGraphApi.Number(token, null, "secret", List.of()));
		signIn(administrator());
		this.accounts.connect(line.key(), Map.of("phoneNumberId", phoneNumberId, "businessAccountId", "102290129340398",
				"accessToken", token, "appSecret", "secret"), null);
		this.accounts.addTemplate(line.key(), "aviso_rumor", "es", "Información verificada: {{1}}");
		SecurityContextHolder.clearContext();
		String inside = randomPhone();
		String outside = randomPhone();
		String optedOut = randomPhone();
		long insideConversation = whatsApp(line, inside, BONO_ENDS);
		long outsideConversation = whatsApp(line, outside, BONO_ENDS_ASKED);
		long optedOutConversation = whatsApp(line, optedOut, "Me dijeron que cancelan el bono de la Cruz Roja en diciembre");
		this.jdbc.sql("update channel_inbound_message set received_at = received_at - interval '25 hours' where line_id = ? and sender_hash = ?")
			.params(line.id(), this.contacts.phoneHash(outside)).update();

		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		signIn(coordinator);
		long group = this.rumours.flag(insideConversation, null);
		assertThat(this.rumours.flag(outsideConversation, null)).isEqualTo(group);
		assertThat(this.rumours.flag(optedOutConversation, null)).isEqualTo(group);
		SecurityContextHolder.clearContext();
		whatsApp(line, optedOut, "BAJA");
		eventually(() -> this.jdbc.sql("select count(*) from contact_contact where line_id = ? and opted_out_at is not null")
			.param(line.id()).query(Integer.class).single() == 1, "the opt-out is recorded");

		// the bot may already have answered the rumour from the bank: only what closing the loop adds counts
		long answeredBefore = sentBodies(optedOutConversation).stream().filter(body -> body.contains("No es cierto")).count();
		eventually(() -> this.jdbc.sql("select count(*) from channel_outbox where line_id = ? and status in ('PENDING', 'CLAIMED', 'SENDING')")
			.param(line.id()).query(Integer.class).single() == 0, "the bot's replies have gone");
		int outsideBefore = atProvider(phoneNumberId, outside).size();
		long optedOutBefore = atProvider(phoneNumberId, optedOut).stream().filter(json -> json.toString().contains("No es cierto")).count();
		signIn(coordinator);
		this.rumours.chooseCounterMessage(group, "RUM-01");
		this.rumours.changeStatus(group, RumourStatus.ANSWERED);
		Map<CounterMessageOutcome, Integer> outcomes = this.rumours.closeTheLoop(group, "aviso_rumor");
		assertThat(outcomes.getOrDefault(CounterMessageOutcome.TEXT, 0)).isEqualTo(1);
		assertThat(outcomes.getOrDefault(CounterMessageOutcome.TEMPLATE, 0)).isEqualTo(1);
		assertThat(outcomes.getOrDefault(CounterMessageOutcome.OPTED_OUT, 0)).isEqualTo(1);

		String answer = "No es cierto: el bono sigue hasta marzo. Consulte solo los canales oficiales.";
		assertThat(sentBodies(insideConversation)).contains(answer);
		assertThat(sentBodies(outsideConversation)).contains("Información verificada: " + answer);
		// at the provider: free text inside the 24-hour window, the approved template with the answer outside it
		eventually(() -> atProvider(phoneNumberId, inside).stream().anyMatch(json -> json.path("type").asString().equals("text")
				&& json.path("text").path("body").asString().equals(answer))
				&& atProvider(phoneNumberId, outside).stream().anyMatch(json -> json.path("type").asString().equals("template")),
				"the counter-messages reach WhatsApp");
		JsonNode template = atProvider(phoneNumberId, outside).stream().filter(json -> json.path("type").asString().equals("template"))
			.findFirst().orElseThrow().path("template");
		assertThat(template.path("name").asString()).isEqualTo("aviso_rumor");
		assertThat(template.path("language").path("code").asString()).isEqualTo("es");
		assertThat(template.path("components").path(0).path("parameters").path(0).path("text").asString()).isEqualTo(answer);
		List<JsonNode> outsideAfter = atProvider(phoneNumberId, outside);
		assertThat(outsideAfter.subList(outsideBefore, outsideAfter.size())).as("only the template outside the window")
			.extracting(json -> json.path("type").asString()).containsExactly("template");
		assertThat(atProvider(phoneNumberId, optedOut).stream().filter(json -> json.toString().contains("No es cierto")).count())
			.as("nothing more to the person who opted out").isEqualTo(optedOutBefore);
		assertThat(sentBodies(optedOutConversation).stream().filter(body -> body.contains("No es cierto")).count())
			.isEqualTo(answeredBefore);
		RumourDetail detail = this.board.detail(group);
		assertThat(detail.deliveries()).extracting(RumourDetail.Delivery::outcome)
			.containsExactlyInAnyOrder("TEXT", "TEMPLATE", "OPTED_OUT");
		assertThat(detail.deliveries()).extracting(RumourDetail.Delivery::sentBy).containsOnly(coordinator.displayName());

		// sent once: a second sending reaches nobody who already has it
		long insideAfterFirst = sentBodies(insideConversation).stream().filter(answer::equals).count();
		Map<CounterMessageOutcome, Integer> again = this.rumours.closeTheLoop(group, "aviso_rumor");
		assertThat(again.getOrDefault(CounterMessageOutcome.TEXT, 0) + again.getOrDefault(CounterMessageOutcome.TEMPLATE, 0)).isZero();
		assertThat(sentBodies(insideConversation).stream().filter(answer::equals).count()).isEqualTo(insideAfterFirst);
	}

	private void seedBank(Line line) {
		try (InputStream csv = getClass().getResourceAsStream("/feedback/rumour-bank.csv")) {
			this.knowledge.seed(line, csv);
		}
		catch (java.io.IOException ex) {
			throw new AssertionError(ex);
		}
	}

	/** A person writes on a simulator line; returns the conversation once the message is in it. */
	private long written(Line line, String phone, String text) {
		answer(line, phone, text);
		return conversationWith(line, text);
	}

	/** A person writes on a WhatsApp line, as the provider would deliver it. */
	private long whatsApp(Line line, String phone, String text) {
		this.channels.receive(line, new InboundMessage("wamid." + UUID.randomUUID(), phone, null, MessageKind.TEXT, text, null,
				Instant.now().minus(Duration.ofSeconds(1))), "{}", "application/json");
		return conversationWith(line, text);
	}

	private long conversationWith(Line line, String text) {
		eventually(() -> inboundIds(line, text).size() == 1 && this.jdbc.sql("""
				select count(*) from channel_inbound_message where line_id = ? and body = ? and processed_at is null
				""").params(line.id(), text).query(Integer.class).single() == 0, "the message reached its conversation");
		return this.jdbc.sql("select max(conversation_id) from conversation_message where line_id = ? and body = ? and direction = 'IN'")
			.params(line.id(), text).query(Long.class).single();
	}

	private List<Long> inboundIds(Line line, String text) {
		return this.jdbc.sql("select id from conversation_message where line_id = ? and body = ? and direction = 'IN'")
			.params(line.id(), text).query(Long.class).list();
	}

	private long inbound(long conversation, String text) {
		return this.jdbc.sql("select id from conversation_message where conversation_id = ? and body = ? and direction = 'IN'")
			.params(conversation, text).query(Long.class).single();
	}

	/** What the fake Graph API received for this person. */
	private static List<JsonNode> atProvider(String phoneNumberId, String phone) {
		return FakeGraphApi.instance().sent(phoneNumberId).stream().filter(json -> json.path("to").asString().equals(phone.replace("+", "")))
			.toList();
	}

	private List<String> sentBodies(long conversation) {
		return this.jdbc.sql("select body from conversation_message where conversation_id = ? and direction = 'OUT'")
			.param(conversation).query(String.class).list();
	}

	private String status(long group) {
		return this.jdbc.sql("select status from feedback_rumour where id = ?").param(group).query(String.class).single();
	}

}
