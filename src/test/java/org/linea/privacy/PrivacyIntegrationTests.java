package org.linea.privacy;

import org.linea.personaldata.DataTypes;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linea.access.ApiTokenService;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.contact.ConsentEvent;
import org.linea.contact.ContactKeys;
import org.linea.contact.ContactService;
import org.linea.contact.Demographic;
import org.linea.contact.PhoneUse;
import org.linea.contact.SharedPhones;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.feedback.coding.InformationType;
import org.linea.feedback.rumour.RumourService;
import org.linea.web.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when": after an erasure and after a purge, no text, JSON or binary column of any
 * table holds the person's words or number (encrypted copies only where their key is gone), the
 * feedback record still counts, and the line goes on working for that number.
 */
class PrivacyIntegrationTests extends InteractionsIntegrationTest {

	@Autowired
	RumourService rumours;

	@Autowired
	ContactKeys keys;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	JsonMapper json;

	@Autowired
	ContactService contacts;

	@Autowired
	SharedPhones sharedPhones;

	@LocalServerPort
	int port;

	@Test
	void anErasedPersonIsNowhereInTheSchemaTheirRecordStillCountsAndTheirNumberStartsAfresh() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		Person person = personWithPhrasing(line, organisation);
		// a shared phone: this interaction's consent and demographics are kept apart, and go with the person too
		long contact = this.jdbc.sql("select contact_id from conversation_conversation where id = ?").param(person.conversation())
			.query(Long.class).single();
		this.sharedPhones.mark(contact, PhoneUse.SHARED, SharedPhones.Source.OPERATOR, organisation.id(), "test");
		long consent = this.contacts.recordConsent(contact, person.conversation(), "DEMOGRAPHICS", ConsentEvent.GIVEN, "closing-v1", "closing-flow");
		this.contacts.saveDemographic(contact, person.conversation(), Demographic.LOCATION, "barrio " + person.marker(), consent);
		ApiClient coordinator = coordinatorApi(organisation);
		PersonalDataScan scan = new PersonalDataScan(this.jdbc, this.keys);
		assertThat(scan.columnsHolding(person.marker())).as("the shared phone's demographics hold the marker")
			.anyMatch(column -> column.startsWith("contact_interaction_demographics.location"));
		assertThat(scan.columnsHolding(person.marker())).as("the marker is there before").isNotEmpty();

		HttpResponse<String> lookup = coordinator.get("/api/lines/" + line.key() + "/contacts/lookup?phone=" + person.phone().replace("+", "%2B"));
		assertThat(lookup.statusCode()).isEqualTo(200);
		String code = read(lookup).get("code").asString();
		assertThat(code).matches("\\d{2}PE\\d{4}");
		HttpResponse<String> export = coordinator.get("/api/lines/" + line.key() + "/contacts/" + code + "/export");
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.body()).contains(person.marker()).contains(person.phone()).contains("\"consent\"").contains("\"records\"")
			.contains("\"demographicsPerInteraction\"").contains("\"phoneUse\":\"SHARED\"")
			.contains("CONTACT_LOOKED_UP");

		HttpResponse<String> erase = coordinator.postJson("/api/lines/" + line.key() + "/contacts/" + code + "/erase", "{}");
		assertThat(erase.statusCode()).isEqualTo(200);
		assertThat(read(erase).get("code").asString()).isEqualTo(code);

		assertThat(scan.columnsHolding(person.marker(), person.phone(), person.phone().substring(1))).isEmpty();
		assertThat(scan.columnCount()).isGreaterThan(60);
		assertThat(this.jdbc.sql("select count(*) from feedback_log where conversation_id = ?").param(person.conversation())
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from privacy_erasure where contact_code = ? and line_id = ?")
			.params(code, line.id()).query(Integer.class).single()).isEqualTo(1);
		assertThat(coordinator.get("/api/lines/" + line.key() + "/contacts/lookup?phone=" + person.phone().replace("+", "%2B")).statusCode())
			.isEqualTo(404);

		this.simulator.write(line, new SimulatedMessageRequest(person.phone(), "hola de nuevo", null));
		eventually(() -> this.jdbc.sql("select count(*) from contact_contact where line_id = ? and erased_at is null")
			.param(line.id()).query(Integer.class).single() == 1, "the number is a new contact");
		String newCode = read(coordinator.get("/api/lines/" + line.key() + "/contacts/lookup?phone=" + person.phone().replace("+", "%2B")))
			.get("code").asString();
		assertThat(newCode).isNotEqualTo(code);
		eventually(() -> this.simulator.thread(line, person.phone()).stream().anyMatch(m -> "OUT".equals(m.direction())),
				"the line answers the number again");
	}

	@Test
	void aPurgeOfEverythingLeavesNoWordsOrNumbersAndKeepsTheFeedbackRecord() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		Person person = personWithPhrasing(line, organisation);
		ApiClient coordinator = coordinatorApi(organisation);

		HttpResponse<String> bad = coordinator.postJson("/api/lines/" + line.key() + "/privacy/purge", "{\"olderThan\": \"yesterday\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		HttpResponse<String> purge = coordinator.postJson("/api/lines/" + line.key() + "/privacy/purge", "{\"olderThan\": \"PT0S\"}");
		assertThat(purge.statusCode()).isEqualTo(200);
		JsonNode erased = read(purge).get("erased");
		assertThat(erased.get(DataTypes.MESSAGE_TEXTS).asInt()).isGreaterThanOrEqualTo(3);
		assertThat(erased.get(DataTypes.IDENTIFIERS).asInt()).isGreaterThanOrEqualTo(1);
		assertThat(erased.get(DataTypes.RUMOUR_TEXTS).asInt()).isEqualTo(1);
		assertThat(erased.get(DataTypes.BOT_QUESTIONS).asInt()).isGreaterThanOrEqualTo(0);
		assertThat(erased.get(DataTypes.PROVIDER_PAYLOADS).asInt()).isGreaterThanOrEqualTo(1);

		assertThat(new PersonalDataScan(this.jdbc, this.keys).columnsHolding(person.marker(), person.phone(), person.phone().substring(1))).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from feedback_log where conversation_id = ? and feedback_type = 'RUMOUR'")
			.param(person.conversation()).query(Integer.class).single()).isEqualTo(1);

		this.simulator.write(line, new SimulatedMessageRequest(person.phone(), "hola otra vez", null));
		eventually(() -> this.jdbc.sql("select count(*) from contact_contact where line_id = ? and erased_at is null")
			.param(line.id()).query(Integer.class).single() == 1, "the number writes again as a new contact");
	}

	@Test
	void onlyTheLinesAdministratorsAndCoordinatorsPurgeOrAnswerRequests() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		ApiClient operatorApi = new ApiClient(this.port, this.tokens.create(operator.id(), "test"));
		assertThat(operatorApi.postJson("/api/lines/" + line.key() + "/privacy/purge", "{\"olderThan\": \"P1D\"}").statusCode())
			.isEqualTo(403);
		assertThat(operatorApi.get("/api/lines/" + line.key() + "/contacts/lookup?phone=%2B51911111111").statusCode()).isEqualTo(403);
		ApiClient otherOrganisation = coordinatorApi(newOrganisation());
		assertThat(otherOrganisation.postJson("/api/lines/" + line.key() + "/privacy/purge", "{\"olderThan\": \"P1D\"}").statusCode())
			.isEqualTo(404);
	}

	/** A person writes the marker, the bot cannot answer, an operator answers quoting it, flags it as a rumour and closes. */
	/** A person who wrote a marker on the line from this phone, with a phrasing the bank learned from them. */
	private Person personWithPhrasing(Line line, Organisation organisation) {
		String phone = randomPhone();
		String marker = marker();
		long conversation = interaction(line, organisation, phone, marker);
		learnedPhrasing(line, conversation, marker);
		return new Person(phone, marker, conversation);
	}

	private record Person(String phone, String marker, long conversation) {
	}

	private long interaction(Line line, Organisation organisation, String phone, String marker) {
		this.simulator.write(line, new SimulatedMessageRequest(phone, "necesito ayuda con " + marker, null));
		eventually(() -> this.jdbc.sql("select count(*) from conversation_conversation where line_id = ? and state = 'QUEUED'")
			.param(line.id()).query(Integer.class).single() == 1, "queued for the team");
		long conversation = this.jdbc.sql("select id from conversation_conversation where line_id = ?").param(line.id())
			.query(Long.class).single();
		signIn(newUser(organisation, Role.OPERATOR));
		this.conversationPage.view(conversation);
		this.replies.reply(conversation, "Entiendo lo de " + marker + ", le ayudamos.", true);
		this.notes.note(conversation, "Nota interna: " + marker);
		this.rumours.flag(conversation, null);
		this.closing.close(conversation, new Coding(List.of(), List.of(InformationType.PROGRAMME_INFORMATION), FeedbackType.RUMOUR));
		eventually(() -> this.jdbc.sql("select count(*) from channel_simulator_message where line_id = ? and body like ?")
			.params(line.id(), "Entiendo lo de%").query(Integer.class).single() == 1, "the answer reached the phone");
		return conversation;
	}

	/** What the person wrote, approved as a phrasing of an entry (people's words in the bank's index). */
	private void learnedPhrasing(Line line, long conversation, String marker) {
		this.jdbc.sql("""
				insert into knowledge_phrasing (line_id, entry_key, text, source, status, conversation_id, proposed_at)
				values (?, 'VAC-01', ?, 'QUICK_REPLY', 'APPROVED', ?, now() - interval '1 second')
				""").params(line.id(), "donde me vacuno " + marker, conversation).update();
	}

	private ApiClient coordinatorApi(Organisation organisation) {
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		return new ApiClient(this.port, this.tokens.create(coordinator.id(), "privacy test"));
	}

	private JsonNode read(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	private static String marker() {
		return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
