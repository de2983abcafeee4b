package org.linea.inbox;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.contact.ContactService;
import org.linea.contact.PhoneUse;
import org.linea.contact.SharedPhones;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.coding.InformationType;
import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.web.SignedInClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared (community) phones: an operator or the person marks the number; consent and demographics
 * then belong to one interaction, earlier interactions open only for the operator working the
 * conversation with a reason, and other modules can tell a shared phone.
 */
class SharedPhonesIntegrationTests extends InteractionsIntegrationTest {

	private static final String PASSWORD = "a-long-test-password";

	private static final Coding CODING = new Coding(List.of("transferencias"), List.of(InformationType.PROGRAMME_INFORMATION),
			FeedbackType.QUESTION);

	@Autowired
	private ContactService contacts;

	@Autowired
	private SharedPhones sharedPhones;

	@LocalServerPort
	private int port;

	@Test
	void anOperatorMarksTheNumberAsSharedFromTheInboxAnAnalystCannotAndBroadcastsCanTell() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		String phone = randomPhone();
		long conversation = queued(line, phone, "hola, una consulta sobre el bono");
		long contact = contactOf(conversation);
		long otherContact = contactOf(queued(line, randomPhone(), "hola, otra consulta"));
		String page = "/inbox/conversations/" + conversation;

		SignedInClient analyst = new SignedInClient(this.port).signIn(newUser(organisation, Role.ANALYST).getUsername(), PASSWORD);
		analyst.get("/");
		assertThat(analyst.postForm(page + "/phone-use", Map.of("use", "SHARED")).statusCode()).isEqualTo(403);
		assertThat(phoneUse(contact)).isEqualTo("UNKNOWN");

		SignedInClient asOperator = new SignedInClient(this.port).signIn(operator.getUsername(), PASSWORD);
		HttpResponse<String> before = asOperator.get(page);
		assertThat(before.statusCode()).isEqualTo(200);
		assertThat(before.body()).contains(page + "/phone-use").contains("value=\"SHARED\"").doesNotContain("shared-phone-flag");
		assertThat(asOperator.postForm(page + "/phone-use", Map.of("use", "SHARED")).statusCode()).isEqualTo(302);

		assertThat(phoneUse(contact)).isEqualTo("SHARED:OPERATOR");
		assertThat(asOperator.get(page).body()).contains("shared-phone-flag").contains("value=\"OWN\"");
		assertThat(this.jdbc.sql("""
				select count(*) from privacy_audit_log where action = 'PHONE_USE_MARKED' and subject_id = ? and user_id = ?
				  and detail ->> 'use' = 'SHARED' and detail ->> 'source' = 'OPERATOR'""")
			.params(Long.toString(contact), operator.id()).query(Integer.class).single()).isEqualTo(1);

		// what a broadcasts module reads
		assertThat(this.contacts.get(contact).shared()).isTrue();
		assertThat(this.contacts.get(otherContact).shared()).isFalse();
		assertThat(this.contacts.isShared(contact)).isTrue();
		assertThat(this.sharedPhones.sharedAmong(List.of(contact, otherContact))).isEqualTo(Set.of(contact));
		assertThat(this.sharedPhones.broadcastNotice(Locale.forLanguageTag("es"))).contains("varias personas");
		assertThat(this.sharedPhones.broadcastNotice(Locale.ENGLISH)).contains("several people");

		// the operator corrects it: the person's own phone after all
		assertThat(asOperator.postForm(page + "/phone-use", Map.of("use", "OWN")).statusCode()).isEqualTo(302);
		assertThat(phoneUse(contact)).isEqualTo("OWN:OPERATOR");
	}

	@Test
	void aSharedPhonesEarlierInteractionsOpenOnlyForTheOperatorWorkingItWithAReasonAndAreAudited() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		LineaUser colleague = newUser(organisation, Role.OPERATOR);
		String phone = randomPhone();
		String earlierWords = "mi vecina pregunta por su bono zqearlier";
		long first = queued(line, phone, earlierWords);
		signIn(operator);
		this.replies.reply(first, "Le ayudamos.", false);
		this.closing.close(first, CODING);
		long second = queuedAfter(line, phone, "soy otra persona, quiero saber de salud", first);
		this.sharedPhones.mark(contactOf(second), PhoneUse.SHARED, SharedPhones.Source.PERSON,
				organisation.id(), "test");
		String page = "/inbox/conversations/" + second;

		SignedInClient asOperator = new SignedInClient(this.port).signIn(operator.getUsername(), PASSWORD);
		HttpResponse<String> pane = asOperator.get(page);
		assertThat(pane.body()).contains(page + "/earlier").contains("name=\"reason\"").doesNotContain("zqearlier");
		assertThat(asOperator.postForm(page + "/claim", Map.of()).statusCode()).isEqualTo(302);

		SignedInClient asColleague = new SignedInClient(this.port).signIn(colleague.getUsername(), PASSWORD);
		asColleague.get(page);
		HttpResponse<String> refused = asColleague.postForm(page + "/earlier", Map.of("reason", "quiero ver lo anterior"));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain("zqearlier");

		asOperator.get(page);
		HttpResponse<String> noReason = asOperator.postForm(page + "/earlier", Map.of());
		assertThat(noReason.statusCode()).isEqualTo(200);
		assertThat(noReason.body()).doesNotContain("zqearlier").contains("alert");
		assertThat(shownEntries(second)).isZero();

		HttpResponse<String> shown = asOperator.postForm(page + "/earlier", Map.of("reason", "dice que ya nos escribió por el bono"));
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains(earlierWords).contains("data-conversation=\"" + first + "\"");
		assertThat(this.jdbc.sql("""
				select detail ->> 'reason' from privacy_audit_log where action = 'EARLIER_INTERACTIONS_SHOWN' and subject_id = ?
				  and user_id = ? and (detail -> 'sharedPhone')::boolean""").params(Long.toString(second), operator.id())
			.query(String.class).single()).isEqualTo("dice que ya nos escribió por el bono");
	}

	@Test
	void onThePersonsOwnPhoneEarlierInteractionsOpenWithoutAReasonStillAudited() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		String phone = randomPhone();
		long first = queued(line, phone, "consulta sobre el bono zqownphone");
		signIn(operator);
		this.closing.close(first, CODING);
		long second = queuedAfter(line, phone, "otra consulta distinta", first);
		String page = "/inbox/conversations/" + second;

		SignedInClient asOperator = new SignedInClient(this.port).signIn(operator.getUsername(), PASSWORD);
		assertThat(asOperator.get(page).body()).contains(page + "/earlier").doesNotContain("zqownphone")
			.doesNotContain("name=\"reason\"");
		HttpResponse<String> shown = asOperator.postForm(page + "/earlier", Map.of());
		assertThat(shown.body()).contains("zqownphone");
		assertThat(shownEntries(second)).isEqualTo(1);
	}

	@Test
	void thePersonSaysThePhoneIsSharedAndEachInteractionKeepsOnlyItsOwnConsentAndDemographics() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		String phone = randomPhone();

		// first interaction: the whole closing flow, with demographics; a first-time number is not asked about the phone
		long first = answeredAndClosed(line, phone, operator, CODING);
		eventually(() -> lastReceived(line, phone).contains("del 1 (nada) al 5 (mucho)"), "the satisfaction question");
		say(line, phone, "5");
		assertThat(lastReceived(line, phone)).contains("guardar algunos datos");
		for (String reply : List.of("si", "1", "2", "Tumbes", "1", "1", "1")) {
			say(line, phone, reply);
		}
		assertThat(lastReceived(line, phone)).contains("¡Gracias!");
		long contact = contactOf(first);
		assertThat(this.contacts.consentedDemographics(contact, first)).containsValue("Tumbes");

		// second interaction from the same number: the person says the phone is shared
		long second = answeredAndClosed(line, phone, operator, CODING);
		eventually(() -> lastReceived(line, phone).contains("del 1 (nada) al 5 (mucho)"), "the satisfaction question again");
		say(line, phone, "4");
		assertThat(lastReceived(line, phone)).contains("teléfono es solo tuyo");
		say(line, phone, "2");
		assertThat(phoneUse(contact)).isEqualTo("SHARED:PERSON");
		assertThat(lastReceived(line, phone)).as("consent is asked again, for this interaction").contains("guardar algunos datos");
		say(line, phone, "si");
		for (String reply : List.of("2", "3", "Piura", "2", "2", "2")) {
			say(line, phone, reply);
		}
		assertThat(lastReceived(line, phone)).contains("¡Gracias!");

		// nothing is the number's any more: each interaction keeps what was said in it
		assertThat(this.jdbc.sql("select count(*) from contact_demographics where contact_id = ?").param(contact)
			.query(Integer.class).single()).isZero();
		assertThat(this.contacts.consentedDemographics(contact, first)).containsValue("Tumbes").doesNotContainValue("Piura");
		assertThat(this.contacts.consentedDemographics(contact, second)).containsValue("Piura").doesNotContainValue("Tumbes");
		eventually(() -> "Piura".equals(logged(second)), "the second record carries its own place");
		assertThat(logged(first)).isEqualTo("Tumbes");
		assertThat(this.jdbc.sql("""
				select count(*) from contact_consent_event where contact_id = ? and conversation_id = ? and purpose = 'DEMOGRAPHICS'
				  and event = 'GIVEN'""").params(contact, second).query(Integer.class).single()).isEqualTo(1);

		// a third person writes from the phone and says nothing: nothing from before is recorded with them
		long third = answeredAndClosed(line, phone, operator, CODING);
		eventually(() -> lastReceived(line, phone).contains("del 1 (nada) al 5 (mucho)"), "asked again on a shared phone");
		say(line, phone, "3");
		assertThat(lastReceived(line, phone)).as("the phone is known to be shared: not asked again")
			.contains("guardar algunos datos");
		say(line, phone, "no");
		assertThat(this.contacts.consentedDemographics(contact, third)).isEmpty();
		eventually(() -> this.jdbc.sql("select satisfaction from feedback_log where conversation_id = ?").param(third)
			.query(Integer.class).optional().filter(s -> s == 3).isPresent(), "third record");
		assertThat(logged(third)).isNull();
	}

	private long queued(Line line, String phone, String text) {
		return queuedAfter(line, phone, text, 0);
	}

	private long queuedAfter(Line line, String phone, String text, long after) {
		this.simulator.write(line, new SimulatedMessageRequest(phone, text, null));
		eventually(() -> this.jdbc.sql("""
				select count(*) from conversation_conversation c join contact_contact p on p.id = c.contact_id
				where c.line_id = ? and c.id > ? and c.state = 'QUEUED'""").params(line.id(), after).query(Integer.class).single() > 0
				&& isSettled(line), "queued");
		return this.jdbc.sql("select max(id) from conversation_conversation where line_id = ? and state = 'QUEUED'").param(line.id())
			.query(Long.class).single();
	}

	/** The person answers and the line has answered back. */
	private void say(Line line, String phone, String text) {
		answer(line, phone, text);
		settled(line);
	}

	private String lastReceived(Line line, String phone) {
		return this.simulator.thread(line, phone).reversed().stream().filter(m -> m.direction().equals("OUT")).findFirst()
			.orElseThrow().text();
	}

	private long contactOf(long conversation) {
		return this.jdbc.sql("select contact_id from conversation_conversation where id = ?").param(conversation)
			.query(Long.class).single();
	}

	private String phoneUse(long contact) {
		return this.jdbc.sql("select phone_use || coalesce(':' || phone_use_source, '') from contact_contact where id = ?")
			.param(contact).query(String.class).single();
	}

	private String logged(long conversation) {
		return this.jdbc.sql("select location from feedback_log where conversation_id = ?").param(conversation)
			.query(String.class).optional().orElse(null);
	}

	private int shownEntries(long conversation) {
		return this.jdbc.sql("select count(*) from privacy_audit_log where action = 'EARLIER_INTERACTIONS_SHOWN' and subject_id = ?")
			.param(Long.toString(conversation)).query(Integer.class).single();
	}

}
