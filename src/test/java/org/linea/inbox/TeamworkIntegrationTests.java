package org.linea.inbox;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorService;
import org.linea.conversation.ConversationState;
import org.linea.web.SignedInClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Queues per team, escalation to specialists, notes and mentions, take-over, auto-assignment. */
class TeamworkIntegrationTests extends LineaIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	InboxQueue inboxQueue;

	@Autowired
	Claims claims;

	@Autowired
	ConversationActions conversationActions;

	@Autowired
	ConversationPage conversationPage;

	@Autowired
	Referrals inboxReferrals;

	@Autowired
	NotesAndMentions notes;

	@Autowired
	Replies replies;

	@Autowired
	TeamService teams;

	@Autowired
	Availability availability;

	@Autowired
	AutoAssignment autoAssignment;

	@Autowired
	SimulatorService simulator;

	private static final QueueForm ALL = new QueueForm(null, null, null, null, null);

	private long queued(Line line) {
		String number = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(number, "hola necesito ayuda", null));
		eventually(() -> this.jdbc.sql("""
				select count(*) from conversation_conversation c join contact_contact k on k.id = c.contact_id
				where c.line_id = ? and k.phone_hash = ? and c.state in ('QUEUED', 'ASSIGNED')
				""").params(line.id(), this.simulator.phoneHashOf(number)).query(Long.class).single() == 1, "queued");
		return this.jdbc.sql("""
				select c.id from conversation_conversation c join contact_contact k on k.id = c.contact_id
				where c.line_id = ? and k.phone_hash = ?""").params(line.id(), this.simulator.phoneHashOf(number)).query(Long.class).single();
	}

	@Test
	void everyLineHasGeneralHealthAndPssQueuesAndNewConversationsWaitInGeneral() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		assertThat(this.teams.teamsOf(line.id())).extracting(Team::key).containsExactly("general", "health", "pss", "safeguarding");
		long conversation = queued(line);
		signIn(newUser(organisation, Role.OPERATOR));
		assertThat(this.inboxQueue.queue(List.of(line), ALL)).singleElement().satisfies(entry -> {
			assertThat(entry.conversationId()).isEqualTo(conversation);
			assertThat(entry.team()).isEqualTo("General");
			assertThat(entry.unread()).isEqualTo(1);
		});
	}

	@Test
	void escalatingToPssLeavesANoteAndPutsItInThePssQueueForTheSpecialist() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		long conversation = queued(line);
		Team pss = this.teams.find(line.id(), Team.PSS).orElseThrow();
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		signIn(operator);
		this.claims.claim(conversation);
		this.conversationActions.triage(conversation, "yellow");
		this.conversationActions.escalate(conversation, pss.id(), "Ansiedad fuerte, pide hablar con psicóloga");

		LineaUser specialist = newUser(organisation, Role.SPECIALIST);
		signIn(specialist);
		List<QueueEntry> pssQueue = this.inboxQueue.queue(List.of(line), new QueueForm("waiting", pss.id(), null, null, null));
		assertThat(pssQueue).singleElement().satisfies(entry -> {
			assertThat(entry.triage()).isEqualTo("YELLOW");
			assertThat(entry.holder()).isNull();
		});
		ConversationView view = this.conversationPage.view(conversation);
		assertThat(view.messages()).anySatisfy(m -> {
			assertThat(m.direction()).isEqualTo("NOTE");
			assertThat(m.body()).contains("psicóloga").contains("PSS");
		});
		assertThat(view.conversation().escalatedAt()).isNotNull();
		this.claims.claim(conversation);
		this.inboxReferrals.refer(conversation, "Psicóloga - Cruz Roja Lima", null, "primera cita");
		assertThat(this.conversationPage.view(conversation).referrals()).singleElement()
			.satisfies(r -> assertThat(r.status()).isEqualTo("PENDING"));
		assertThat(this.inboxQueue.queue(List.of(line), new QueueForm("waiting", null, null, null, null))).isEmpty();
	}

	@Test
	void aReferralsAppointmentIsOnTheLinesClockAndReferringReadsNoPersonalData() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		long conversation = queued(line);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		int viewedBefore = viewed(conversation);

		assertThat(new SignedInClient(this.port).signIn(operator.getUsername(), "a-long-test-password")
			.postForm("/inbox/conversations/" + conversation + "/referrals", Map.of("service", "Centro de salud", "appointment", "2027-03-04T10:30"))
			.statusCode()).isEqualTo(302);

		assertThat(this.jdbc.sql("select appointment_at from inbox_referral where conversation_id = ?").param(conversation)
			.query(Timestamp.class).single().toInstant()).isEqualTo(LocalDateTime.of(2027, 3, 4, 10, 30).atZone(line.timeZone()).toInstant());
		assertThat(viewed(conversation)).as("no conversation read, so no personal-data access audited").isEqualTo(viewedBefore);
	}

	private int viewed(long conversation) {
		return this.jdbc.sql("select count(*) from privacy_audit_log where action = 'CONVERSATION_VIEWED' and subject_id = ?")
			.param(Long.toString(conversation)).query(Integer.class).single();
	}

	@Test
	void aMentionReachesTheColleagueUntilTheyOpenTheConversation() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		long conversation = queued(line);
		LineaUser doctor = newUser(organisation, Role.SPECIALIST);
		signIn(newUser(organisation, Role.OPERATOR));
		this.notes.note(conversation, "@" + doctor.getUsername() + " ¿esto es signo de alarma?");

		signIn(doctor);
		assertThat(this.notes.myMentions()).singleElement().satisfies(m -> assertThat(m.note()).contains("signo de alarma"));
		this.conversationPage.view(conversation);
		assertThat(this.notes.myMentions()).isEmpty();
	}

	@Test
	void mentionsListNewestFirstWithTheirAuthorsAndNeverFromAConversationKeptFromTheColleague() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		long first = queued(line);
		long second = queued(line);
		long restricted = queued(line);
		LineaUser doctor = newUser(organisation, Role.SPECIALIST);
		LineaUser ana = newUser(organisation, Role.OPERATOR);
		LineaUser luis = newUser(organisation, Role.OPERATOR);
		signIn(ana);
		this.notes.note(first, "@" + doctor.getUsername() + " mira la primera");
		signIn(luis);
		this.notes.note(second, "@" + doctor.getUsername() + " mira la segunda");
		this.notes.note(restricted, "@" + doctor.getUsername() + " mira la tercera");
		this.conversationActions.escalate(restricted, this.teams.find(line.id(), Team.SAFEGUARDING).orElseThrow().id(), null);

		signIn(doctor);
		assertThat(this.notes.myMentions()).satisfiesExactly(m -> {
			assertThat(m.conversationId()).isEqualTo(second);
			assertThat(m.contactCode()).isEqualTo(contactCode(second));
			assertThat(m.author()).isEqualTo(luis.displayName());
			assertThat(m.note()).contains("la segunda");
		}, m -> {
			assertThat(m.conversationId()).isEqualTo(first);
			assertThat(m.author()).isEqualTo(ana.displayName());
			assertThat(m.note()).contains("la primera");
		});
	}

	private String contactCode(long conversation) {
		return this.jdbc.sql("select contact_code from conversation_conversation where id = ?").param(conversation).query(String.class).single();
	}

	@Test
	void answeringAConversationAColleagueHoldsNeedsConfirmationAndThenTakesItOver() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		long conversation = queued(line);
		LineaUser ana = newUser(organisation, Role.OPERATOR);
		LineaUser luis = newUser(organisation, Role.OPERATOR);
		signIn(ana);
		this.claims.claim(conversation);
		signIn(luis);
		assertThatThrownBy(() -> this.replies.reply(conversation, "Hola, soy Luis", false)).isInstanceOf(ClaimConflictException.class);
		this.replies.reply(conversation, "Hola, soy Luis", true);
		ConversationView view = this.conversationPage.view(conversation);
		assertThat(view.heldByMe()).isTrue();
		assertThat(view.messages()).anySatisfy(m -> assertThat(m.body()).isEqualTo("Hola, soy Luis"));
	}

	@Test
	void autoAssignmentGoesRoundRobinToOnlineMembersUpToTheirLimit() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		Team general = this.teams.general(line.id());
		LineaUser ana = newUser(organisation, Role.OPERATOR);
		LineaUser luis = newUser(organisation, Role.OPERATOR);
		LineaUser away = newUser(organisation, Role.OPERATOR);
		this.teams.addMember(general.id(), ana.id(), 2);
		this.teams.addMember(general.id(), luis.id(), 1);
		this.teams.addMember(general.id(), away.id(), 5);
		this.availability.set(ana.id(), true);
		this.availability.set(luis.id(), true);
		this.teams.setAutoAssign(general.id(), true);

		List<Long> conversations = List.of(queued(line), queued(line), queued(line), queued(line));
		eventually(() -> this.jdbc.sql("select count(*) from conversation_conversation where line_id = ? and state = 'ASSIGNED'")
			.param(line.id()).query(Long.class).single() == 3, "three assigned");
		assertThat(this.jdbc.sql("select assignee_id from conversation_conversation where line_id = ? and state = 'ASSIGNED'")
			.param(line.id()).query(Long.class).list()).containsExactlyInAnyOrder(ana.id(), ana.id(), luis.id());
		assertThat(conversations).hasSize(4);
		assertThat(this.jdbc.sql("select count(*) from conversation_conversation where line_id = ? and state = 'QUEUED'")
			.param(line.id()).query(Long.class).single()).isEqualTo(1);

		// the away member comes online and takes the one left
		this.availability.set(away.id(), true);
		this.autoAssignment.memberCameOnline(away.id());
		assertThat(this.jdbc.sql("select assignee_id from conversation_conversation where line_id = ? and state = 'QUEUED' or "
				+ "(line_id = ? and assignee_id = ?)").params(line.id(), line.id(), away.id()).query(Long.class).list()).containsExactly(away.id());
		signIn(ana);
		assertThat(this.conversationPage.view(conversations.getFirst()).conversation().state()).isEqualTo(ConversationState.ASSIGNED);
	}

	@Test
	void searchFindsConversationsByCodeTagAndWords() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		long first = queued(line);
		long second = queued(line);
		signIn(newUser(organisation, Role.OPERATOR));
		this.conversationActions.tag(first, "bono, Lima");
		this.notes.note(second, "pregunta por la vacuna de la influenza");
		String code = this.conversationPage.view(second).conversation().contactCode();

		assertThat(this.inboxQueue.queue(List.of(line), new QueueForm(null, null, null, "lima", null))).extracting(QueueEntry::conversationId)
			.containsExactly(first);
		assertThat(this.inboxQueue.queue(List.of(line), new QueueForm(null, null, null, null, "INFLUENZA"))).extracting(QueueEntry::conversationId)
			.containsExactly(second);
		assertThat(this.inboxQueue.queue(List.of(line), new QueueForm(null, null, code.toLowerCase(), null, null)))
			.extracting(QueueEntry::conversationId).containsExactly(second);
	}

}
