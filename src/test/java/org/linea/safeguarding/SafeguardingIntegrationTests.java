package org.linea.safeguarding;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.SimulatorLineWithBankTest;
import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatorMessage;
import org.linea.inbox.ConversationPage;
import org.linea.inbox.Claims;
import org.linea.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A report through the pipeline: the safe reply, a restricted case, and who sees its content. */
class SafeguardingIntegrationTests extends SimulatorLineWithBankTest {

	@Autowired
	ConversationPage conversationPage;

	@Autowired
	Claims claims;

	@Autowired
	SafeguardingService safeguarding;

	@Test
	void aFraudReportGetsTheSafeReplyNeverAnEntryAndBecomesARestrictedCase() {
		String phone = randomPhone();
		write(phone, "me llamo un señor q dijo ser de la cruz roja y me pidio la clave de la tarjeta y un codigo");
		List<SimulatorMessage> thread = eventuallyReceived(phone, 1);
		List<String> sent = thread.stream().filter(m -> m.direction().equals("OUT")).map(SimulatorMessage::text).toList();
		assertThat(sent).singleElement().asString().contains("Nunca compartas tu PIN").contains("confidencial");

		SafeguardingCase opened = eventuallyCase();
		assertThat(opened.category()).isEqualTo(Category.FRAUD);
		assertThat(opened.urgent()).isFalse();
		assertThat(opened.code()).matches("\\d\\dPE\\d{4}");
		assertThat(opened.signals()).anyMatch(s -> s.startsWith("claim: "));
		assertThat(this.jdbc.sql("""
				select t.team_key from conversation_conversation c join inbox_team t on t.id = c.team_id where c.id = ?
				""").param(opened.conversationId()).query(String.class).single()).isEqualTo(SafeguardingService.TEAM);
		assertThat(this.jdbc.sql("select kind from bot_decision where conversation_id = ?").param(opened.conversationId())
			.query(String.class).list()).containsExactly("SENSITIVE");
	}

	@Test
	void anUrgentReportIsToldTheLinesEmergencyNumbersAndThatAPersonWritesNow() {
		this.jdbc.sql("insert into safeguarding_line_settings (line_id, emergency_numbers) values (?, ?)")
			.params(this.line.id(), "Policía 105 · Línea 100").update();
		String phone = randomPhone();
		write(phone, "mi marido esta afuera con un machete gritando q ahorita me mata, estoy con los niños");
		String reply = eventuallyReceived(phone, 1).stream().filter(m -> m.direction().equals("OUT")).findFirst().orElseThrow().text();
		assertThat(reply).contains("una persona te escribe ahora").contains("Policía 105 · Línea 100");
		assertThat(eventuallyCase().urgent()).isTrue();
	}

	@Test
	void onlySafeguardingMembersOfTheOrganisationOpenTheCase() {
		write(randomPhone(), "el voluntario me dijo q si salgo a cenar con el me pone en la lista del bono");
		SafeguardingCase opened = eventuallyCase();
		long conversation = opened.conversationId();

		signIn(newUser(this.organisation, Role.OPERATOR));
		assertThatThrownBy(() -> this.conversationPage.view(conversation)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.claims.claim(conversation)).isInstanceOf(AccessDeniedException.class);
		// others see that a case exists: its code and time, never its content
		assertThat(this.safeguarding.cases()).singleElement().satisfies(view -> {
			assertThat(view.mayOpen()).isFalse();
			assertThat(view.safeguardingCase().code()).isEqualTo(opened.code());
		});

		signIn(newUser(newOrganisation(), Role.SAFEGUARDING));
		assertThatThrownBy(() -> this.conversationPage.view(conversation)).isInstanceOf(NotFoundException.class);
		assertThat(this.safeguarding.cases()).isEmpty();

		signIn(newUser(this.organisation, Role.SAFEGUARDING));
		assertThat(this.conversationPage.view(conversation).messages()).anyMatch(m -> m.body().contains("cenar con el"));
		this.claims.claim(conversation);
	}

	@Test
	void anOperatorFlagsAMessageAndItLeavesTheirViewUntilAFocalPointSaysItIsNot() {
		String phone = randomPhone();
		write(phone, "quiero hablar con una persona");
		eventuallyReceived(phone, 2);
		long conversation = this.jdbc.sql("select id from conversation_conversation where line_id = ?").param(this.line.id())
			.query(Long.class).single();
		long message = this.jdbc.sql("select max(id) from conversation_message where conversation_id = ? and direction = 'IN'")
			.param(conversation).query(Long.class).single();
		LineaUser operator = newUser(this.organisation, Role.OPERATOR);
		signIn(operator);
		this.claims.claim(conversation);
		SafeguardingCase flagged = this.safeguarding.flag(conversation, message, Category.CONDUCT, false);
		assertThat(flagged.source()).isEqualTo("FLAGGED");
		assertThatThrownBy(() -> this.conversationPage.view(conversation)).isInstanceOf(AccessDeniedException.class);

		signIn(newUser(this.organisation, Role.SAFEGUARDING));
		this.safeguarding.markNotSensitive(flagged.id(), "a request for a person, nothing more");
		assertThat(this.jdbc.sql("select status from safeguarding_case where id = ?").param(flagged.id()).query(String.class).single())
			.isEqualTo("NOT_SENSITIVE");
		signIn(operator);
		assertThat(this.conversationPage.view(conversation).messages()).isNotEmpty();
	}

	@Test
	void theDecideApiAnswersAReportWithCategoryUrgencyAndSignals() {
		String token = this.tokens.create(this.coordinator.id(), "test");
		Map<String, Object> body = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader("Authorization", "Bearer " + token)
			.build()
			.post()
			.uri("/api/lines/{key}/bot/decide", this.line.key())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("text", "me tome un monton de pastillas hace rato y me siento rara"))
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		assertThat(body).containsEntry("decision", "SENSITIVE").containsEntry("category", "SELF_HARM").containsEntry("urgent", true);
		assertThat((List<?>) body.get("signals")).isNotEmpty();
		assertThat((List<?>) body.get("replies")).singleElement().asString().contains("una persona te escribe ahora");
		assertThat(this.jdbc.sql("select count(*) from safeguarding_case where line_id = ?").param(this.line.id())
			.query(Long.class).single()).isZero();
	}

	private SafeguardingCase eventuallyCase() {
		eventually(() -> this.jdbc.sql("select count(*) from safeguarding_case where line_id = ?").param(this.line.id())
			.query(Long.class).single() > 0, "a case is opened");
		long id = this.jdbc.sql("select id from safeguarding_case where line_id = ?").param(this.line.id()).query(Long.class).single();
		return this.jdbc.sql("select conversation_id from safeguarding_case where id = ?").param(id).query(Long.class).optional()
			.flatMap(this.safeguarding::caseOf)
			.orElseThrow();
	}

}
