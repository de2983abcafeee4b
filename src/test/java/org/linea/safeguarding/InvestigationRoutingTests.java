package org.linea.safeguarding;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorService;
import org.linea.inbox.ConversationPage;
import org.linea.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reports against staff (SEA, FRAUD, CONDUCT) go to the organisation's investigation focal points and
 * never to the team of the person accused: a focal point who belongs to the team the message names, or
 * to the team the conversation was with, is not alerted, does not see the case in the list and cannot
 * open it or its conversation.
 */
@TestPropertySource(properties = { "spring.mail.host=localhost", "spring.mail.port=3025",
		"linea.safeguarding.escalation-check=1h" })
class InvestigationRoutingTests extends LineaIntegrationTest {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	SimulatorService simulator;

	@Autowired
	SafeguardingService safeguarding;

	@Autowired
	CaseWork work;

	@Autowired
	ConversationPage conversationPage;

	Organisation organisation;

	Line line;

	/** a focal point who is also a member of the registration team */
	LineaUser inTeam;

	/** a focal point outside it */
	LineaUser outside;

	long registration;

	@BeforeEach
	void lineWithARegistrationTeamAndARota() {
		this.organisation = newOrganisation();
		this.line = newLine(this.organisation);
		this.inTeam = newUser(this.organisation, Role.SAFEGUARDING);
		this.outside = newUser(this.organisation, Role.SAFEGUARDING);
		this.registration = this.jdbc.sql("insert into inbox_team (line_id, team_key, name) values (?, 'registro', 'Registro') returning id")
			.param(this.line.id()).query(Long.class).single();
		this.jdbc.sql("insert into inbox_team_member (team_id, user_id) values (?, ?)").params(this.registration, this.inTeam.id()).update();
		this.jdbc.sql("insert into safeguarding_rota (line_id, position, user_id, email) values (?, 1, ?, 'equipo@example.org'), (?, 2, ?, 'fuera@example.org')")
			.params(this.line.id(), this.inTeam.id(), this.line.id(), this.outside.id()).update();
	}

	@Test
	void aReportNamingATeamGoesToTheInvestigationFocalPointsAndNeverToThatTeamsMembers() {
		LineaUser first = newUser(this.organisation, Role.SAFEGUARDING);
		LineaUser second = newUser(this.organisation, Role.SAFEGUARDING);
		// an investigation focal point who is in the team named is left out too
		this.jdbc.sql("""
				insert into safeguarding_investigation_focal_point (organisation_id, user_id, email)
				values (?, ?, 'investiga1@example.org'), (?, ?, 'investiga2@example.org'), (?, ?, 'equipo-investiga@example.org')
				""").params(this.organisation.id(), first.id(), this.organisation.id(), second.id(), this.organisation.id(), this.inTeam.id()).update();
		this.simulator.write(this.line, new SimulatedMessageRequest(randomPhone(),
				"el coordinador de registro nos cobra 10 soles de cada pago y al q no paga lo saca del programa", null));
		SafeguardingCase opened = eventuallyCase();
		assertThat(opened.category().againstStaff()).isTrue();
		eventually(() -> smtp.getReceivedMessages().length >= 2, "the investigators are emailed");
		assertThat(recipients()).containsExactlyInAnyOrder("investiga1@example.org", "investiga2@example.org");
		// the in-app alerts commit after the emails leave
		eventually(() -> inAppAlerted().size() >= 2, "the investigators get the in-app alert");
		assertThat(inAppAlerted()).containsExactlyInAnyOrder(first.id(), second.id());

		assertKeptFrom(this.inTeam, opened);
		// a focal point outside the team works the case
		signIn(this.outside);
		assertThat(this.work.file(opened.id()).safeguardingCase().code()).isEqualTo(opened.code());
		assertThat(this.conversationPage.view(opened.conversationId()).messages()).anyMatch(m -> m.body().contains("10 soles"));
	}

	@Test
	void aReportInAConversationHeldByATeamSkipsThatTeamOnTheRotaWhenNoInvestigatorIsSet() {
		String phone = randomPhone();
		this.simulator.write(this.line, new SimulatedMessageRequest(phone, "hola, quiero hablar con una persona", null));
		eventually(() -> this.jdbc.sql("select count(*) from conversation_conversation where line_id = ?").param(this.line.id())
			.query(Long.class).single() == 1, "the conversation opens");
		LineaUser operator = newUser(this.organisation, Role.OPERATOR);
		this.jdbc.sql("insert into inbox_team_member (team_id, user_id) values (?, ?)").params(this.registration, operator.id()).update();
		this.jdbc.sql("update conversation_conversation set team_id = ?, assignee_id = ?, state = 'ASSIGNED' where line_id = ?")
			.params(this.registration, operator.id(), this.line.id()).update();
		this.simulator.write(this.line, new SimulatedMessageRequest(phone,
				"el señor q me atendio me dijo q si salgo a cenar con el me pone en la lista del bono", null));
		SafeguardingCase opened = eventuallyCase();
		eventually(() -> smtp.getReceivedMessages().length >= 1, "the first focal point on call outside the team is emailed");
		assertThat(recipients()).containsExactly("fuera@example.org");
		eventually(() -> !inAppAlerted().isEmpty(), "the focal point outside the team gets the in-app alert");
		assertThat(inAppAlerted()).containsExactly(this.outside.id());
		assertKeptFrom(this.inTeam, opened);
		signIn(operator);
		assertThatThrownBy(() -> this.conversationPage.view(opened.conversationId())).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aReportAgainstNoStaffReachesEveryFocalPoint() {
		this.simulator.write(this.line, new SimulatedMessageRequest(randomPhone(),
				"mi pareja me pega y hoy me amenazo con quitarme a los niños, tengo miedo de volver a la casa", null));
		SafeguardingCase opened = eventuallyCase();
		assertThat(opened.category().againstStaff()).isFalse();
		eventually(() -> inAppAlerted().size() == 2, "both focal points are alerted");
		signIn(this.inTeam);
		assertThat(this.work.file(opened.id()).safeguardingCase().code()).isEqualTo(opened.code());
	}

	private void assertKeptFrom(LineaUser user, SafeguardingCase opened) {
		signIn(user);
		assertThat(this.safeguarding.cases()).extracting(v -> v.safeguardingCase().code()).doesNotContain(opened.code());
		assertThatThrownBy(() -> this.work.file(opened.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.conversationPage.view(opened.conversationId())).isInstanceOf(AccessDeniedException.class);
		assertThat(this.safeguarding.unseenAlerts()).isZero();
	}

	private SafeguardingCase eventuallyCase() {
		eventually(() -> this.jdbc.sql("select count(*) from safeguarding_case where line_id = ?").param(this.line.id())
			.query(Long.class).single() == 1, "a case is opened");
		long conversation = this.jdbc.sql("select conversation_id from safeguarding_case where line_id = ?").param(this.line.id())
			.query(Long.class).single();
		return this.safeguarding.caseOf(conversation).orElseThrow();
	}

	private List<Long> inAppAlerted() {
		return this.jdbc.sql("""
				select a.user_id from safeguarding_alert a join safeguarding_case c on c.id = a.case_id
				where c.line_id = ? and a.channel = 'IN_APP'
				""").param(this.line.id()).query(Long.class).list();
	}

	private static List<String> recipients() {
		return Arrays.stream(smtp.getReceivedMessages()).map(m -> {
			try {
				return m.getAllRecipients()[0].toString();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
