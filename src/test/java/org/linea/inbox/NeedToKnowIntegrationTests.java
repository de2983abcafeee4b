package org.linea.inbox;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.linea.privacy.RevealRoles;
import org.linea.access.Line;
import org.linea.bot.BotService;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.feedback.rumour.RumourService;
import org.linea.web.SignedInClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Need to know: a restricted team's conversations are opened only by its members, a full number is
 * shown only to the roles a line allows and for a stated reason, and analysts never read what
 * people wrote.
 */
class NeedToKnowIntegrationTests extends InteractionsIntegrationTest {

	@Autowired
	ConversationActions conversationActions;

	@Autowired
	ContactDetails contactDetails;

	private static final String PASSWORD = "a-long-test-password";

	// not a disclosure safeguarding detects by itself (that one goes to the case queue at once): the operator judges it
	private static final String SAID = "necesito hablar con alguien de algo delicado que me pasa en casa";

	@Autowired
	private TeamService teams;

	@Autowired
	private RevealRoles revealRoles;

	@Autowired
	private RumourService rumours;

	@Autowired
	private BotService bot;

	@LocalServerPort
	private int port;

	private long waiting(Line line, String phone, String text) {
		this.simulator.write(line, new SimulatedMessageRequest(phone, text, null));
		eventually(() -> this.jdbc.sql("select count(*) from conversation_conversation where line_id = ? and state = 'QUEUED'")
			.param(line.id()).query(Long.class).single() > 0, "queued");
		return this.jdbc.sql("select max(id) from conversation_conversation where line_id = ?").param(line.id()).query(Long.class).single();
	}

	@Test
	void onlyTheSafeguardingTeamsMembersOpenWhatWasEscalatedToItOthersSeeThatItExists() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		LineaUser focalPoint = newUser(organisation, Role.SAFEGUARDING);
		Team safeguarding = this.teams.find(line.id(), Team.SAFEGUARDING).orElseThrow();
		assertThat(safeguarding.restricted()).isTrue();
		this.teams.addMember(safeguarding.id(), focalPoint.id(), 8);
		long conversation = waiting(line, randomPhone(), SAID);

		// what the bot could not answer is kept for the coordinators' review (this one it did not even try)
		this.jdbc.sql("insert into bot_decision (line_id, conversation_id, kind, reason, score, question) values (?, ?, 'HANDOFF', 'NO_MATCH', 0, ?)")
			.params(line.id(), conversation, SAID).update();
		signIn(coordinator);
		assertThat(unansweredSay(line, SAID)).isTrue();

		signIn(operator);
		this.conversationActions.tag(conversation, "violencia");
		this.conversationActions.escalate(conversation, safeguarding.id(), "Riesgo: derivo a protección");

		for (LineaUser outsider : List.of(operator, coordinator)) {
			signIn(outsider);
			assertThat(this.inboxQueue.queue(List.of(line), InboxServiceIntegrationTests.ALL)).singleElement().satisfies(entry -> {
				assertThat(entry.conversationId()).isEqualTo(conversation);
				assertThat(entry.restricted()).isTrue();
				assertThat(entry.tags()).isEmpty();
				assertThat(entry.waitingSince()).isNotNull();
			});
			assertThatThrownBy(() -> this.conversationPage.view(conversation)).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> this.claims.claim(conversation)).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> this.replies.reply(conversation, "hola", true)).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> this.contactDetails.reveal(conversation, "para llamarla")).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> this.rumours.flag(conversation, null)).isInstanceOf(AccessDeniedException.class);
		}

		signIn(coordinator);
		assertThat(unansweredSay(line, SAID)).as("the bot's review keeps a restricted conversation's words to its team").isFalse();

		signIn(focalPoint);
		assertThat(this.inboxQueue.queue(List.of(line), InboxServiceIntegrationTests.ALL)).singleElement()
			.satisfies(entry -> assertThat(entry.restricted()).isFalse());
		assertThat(this.conversationPage.view(conversation).messages()).anySatisfy(m -> assertThat(m.body()).isEqualTo(SAID));
		this.claims.claim(conversation);
		this.replies.reply(conversation, "Estamos contigo. ¿Estás en un lugar seguro ahora?", false);

		HttpResponse<String> page = new SignedInClient(this.port).signIn(coordinator.getUsername(), PASSWORD)
			.get("/inbox/conversations/" + conversation);
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).doesNotContain(SAID);
	}

	private boolean unansweredSay(Line line, String words) {
		return this.bot.unanswered(line.key(), 1).stream().anyMatch(group -> group.examples().stream().anyMatch(e -> e.contains(words)));
	}

	@Test
	void aCoordinatorCannotJoinARestrictedTeamOnlyTheOrganisationsAdministratorChoosesItsMembers() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		LineaUser admin = newUser(organisation, Role.ADMIN);
		LineaUser focalPoint = newUser(organisation, Role.SAFEGUARDING);
		Team safeguarding = this.teams.find(line.id(), Team.SAFEGUARDING).orElseThrow();
		String members = "/teams/" + line.key() + "/" + safeguarding.id() + "/members";

		SignedInClient asCoordinator = new SignedInClient(this.port).signIn(coordinator.getUsername(), PASSWORD);
		asCoordinator.get("/teams?line=" + line.key());
		assertThat(asCoordinator.postForm(members, Map.of("userId", Long.toString(coordinator.id()))).statusCode()).isEqualTo(403);
		assertThat(asCoordinator.postForm("/teams/" + line.key() + "/" + safeguarding.id() + "/restricted", Map.of("on", "false"))
			.statusCode()).isEqualTo(403);
		assertThat(this.teams.isMember(safeguarding.id(), coordinator.id())).isFalse();
		assertThat(this.teams.get(safeguarding.id()).restricted()).isTrue();

		SignedInClient asAdmin = new SignedInClient(this.port).signIn(admin.getUsername(), PASSWORD);
		asAdmin.get("/teams?line=" + line.key());
		assertThat(asAdmin.postForm(members, Map.of("userId", Long.toString(focalPoint.id()))).statusCode()).isEqualTo(302);
		assertThat(this.teams.isMember(safeguarding.id(), focalPoint.id())).isTrue();
	}

	@Test
	void aFullNumberIsShownOnlyToTheRolesTheLineAllowsForAReasonThatIsAudited() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		String phone = randomPhone();
		long conversation = waiting(line, phone, "hola, necesito información");
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);

		signIn(operator);
		assertThatThrownBy(() -> this.contactDetails.reveal(conversation, "para devolver la llamada")).isInstanceOf(AccessDeniedException.class);
		signIn(coordinator);
		assertThatThrownBy(() -> this.contactDetails.reveal(conversation, " ")).hasMessageContaining("why");
		assertThat(this.contactDetails.reveal(conversation, "Devolver la llamada: pidió que la llamen").phone()).isEqualTo(phone);
		assertThat(this.jdbc.sql("select detail ->> 'reason' from privacy_audit_log where action = 'CONTACT_REVEALED' and user_id = ?")
			.param(coordinator.id()).query(String.class).single()).isEqualTo("Devolver la llamada: pidió que la llamen");

		signIn(newUser(organisation, Role.ADMIN));
		this.revealRoles.choose(line, Set.of(Role.OPERATOR, Role.COORDINATOR));
		signIn(operator);
		assertThat(this.contactDetails.reveal(conversation, "para devolver la llamada").phone()).isEqualTo(phone);

		SignedInClient browser = new SignedInClient(this.port).signIn(operator.getUsername(), PASSWORD);
		browser.get("/inbox/conversations/" + conversation);
		HttpResponse<String> withoutReason = browser.postForm("/inbox/conversations/" + conversation + "/reveal", Map.of());
		assertThat(withoutReason.body()).doesNotContain(phone);
		browser.get("/inbox/conversations/" + conversation);
		HttpResponse<String> withReason = browser.postForm("/inbox/conversations/" + conversation + "/reveal",
				Map.of("reason", "Devolver la llamada perdida"));
		assertThat(withReason.body()).contains(phone);
		assertThat(browser.get("/inbox/conversations/" + conversation).body()).contains("name=\"reason\"");
	}

	@Test
	void analystsSeeARumourByItsNeutralTitleOrNumberNeverByWhatThePersonWrote() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		long conversation = answeredAndClosed(line, randomPhone(), operator, new Coding(List.of(), List.of(), FeedbackType.RUMOUR));
		String words = "cuando pagan el bono";
		signIn(newUser(organisation, Role.COORDINATOR));
		long rumour = this.rumours.flag(conversation, null);

		LineaUser analyst = newUser(organisation, Role.ANALYST);
		SignedInClient browser = new SignedInClient(this.port).signIn(analyst.getUsername(), PASSWORD);
		for (String path : List.of("/rumours", "/rumours/" + rumour, "/report/dashboard?scope=line:" + line.key())) {
			HttpResponse<String> page = browser.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).doesNotContain(words);
		}
		assertThat(browser.get("/rumours").body()).contains("#" + rumour);

		this.rumours.retitle(rumour, "Fechas de pago del bono");
		assertThat(browser.get("/rumours").body()).contains("Fechas de pago del bono").doesNotContain(words);
	}

}
