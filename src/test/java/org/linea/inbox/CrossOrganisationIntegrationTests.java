package org.linea.inbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorService;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.shared.NotFoundException;
import org.linea.shared.crypto.FieldCipher;
import org.linea.web.SignedInClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Staff of one organisation can neither act on nor see another organisation's conversations and media. */
class CrossOrganisationIntegrationTests extends LineaIntegrationTest {

	private static final String PASSWORD = "a-long-test-password";

	@Autowired
	Referrals inboxReferrals;

	@Autowired
	ConversationPage conversationPage;

	@Autowired
	Claims claims;

	@Autowired
	Replies replies;

	@Autowired
	NotesAndMentions notes;

	@Autowired
	ConversationActions conversationActions;

	@Autowired
	Closing closing;

	@Autowired
	ContactDetails contactDetails;

	@Autowired
	InboxQueue inboxQueue;

	@Autowired
	SimulatorService simulator;

	@Autowired
	TeamService teams;

	@Autowired
	FieldCipher cipher;

	@LocalServerPort
	int port;

	private Organisation ours;

	private Line line;

	private long conversation;

	private LineaUser colleague;

	@BeforeEach
	void aQueuedConversationInOurOrganisation() {
		this.ours = newOrganisation();
		this.line = newLine(this.ours);
		this.conversation = queuedConversation(this.line, randomPhone());
		this.colleague = newUser(this.ours, Role.OPERATOR);
	}

	@Test
	void everyInboxActionOnAnotherOrganisationsConversationIsNotFoundAndChangesNothing() {
		signIn(this.colleague);
		this.inboxReferrals.refer(this.conversation, "Centro de salud", null, null);
		long referral = this.jdbc.sql("select id from inbox_referral where conversation_id = ?").param(this.conversation)
			.query(Long.class).single();
		long pss = this.teams.teamsOf(this.line.id()).stream().filter(team -> !team.key().equals(Team.GENERAL)).findFirst()
			.orElseThrow().id();
		String before = snapshot();

		for (Role role : List.of(Role.OPERATOR, Role.COORDINATOR)) {
			signIn(newUser(newOrganisation(), role));
			List<ThrowingCallable> actions = List.of(
					() -> this.conversationPage.view(this.conversation),
					() -> this.claims.claim(this.conversation),
					() -> this.claims.release(this.conversation),
					() -> this.replies.reply(this.conversation, "hola desde fuera", false),
					() -> this.replies.reply(this.conversation, "hola desde fuera", true),
					() -> this.replies.replyWithTemplate(this.conversation, 1, List.of("x")),
					() -> this.notes.note(this.conversation, "nota ajena"),
					() -> this.conversationActions.tag(this.conversation, "ajeno"),
					() -> this.conversationActions.triage(this.conversation, "RED"),
					() -> this.conversationActions.escalate(this.conversation, pss, "ajeno"),
					() -> this.claims.assign(this.conversation, this.colleague.id()),
					() -> this.inboxReferrals.refer(this.conversation, "Servicio ajeno", LocalDateTime.now(), null),
					() -> this.inboxReferrals.updateReferral(referral, "CANCELLED"),
					() -> this.replies.quickReplies(this.conversation, "bono", null),
					() -> this.closing.close(this.conversation, new Coding(List.of("salud"), List.of(), FeedbackType.QUESTION)),
					() -> this.contactDetails.reveal(this.conversation, "Llamar por la cita de salud"));
			for (int i = 0; i < actions.size(); i++) {
				assertThatThrownBy(actions.get(i)).as("%s, action %d", role, i).isInstanceOf(NotFoundException.class);
			}
			assertThat(this.inboxQueue.queue(this.inboxQueue.lines(), new QueueForm("all", null, null, null, null)))
				.noneMatch(entry -> entry.conversationId() == this.conversation);
		}
		assertThat(snapshot()).as("nothing changed").isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from privacy_audit_log where action = 'CONTACT_REVEALED' and detail::text like ?")
			.param("%conversation " + this.conversation + "%").query(Long.class).single()).isZero();
	}

	@Test
	void mediaOfAnotherOrganisationIsNotFound() throws Exception {
		long media = this.jdbc.sql("""
				insert into channel_media (line_id, provider_ref, content_type, status, size_bytes, data_encrypted, stored_at)
				values (?, 'test', 'image/png', 'STORED', 4, ?, now()) returning id
				""").params(this.line.id(), this.cipher.encrypt("PNG!".getBytes(StandardCharsets.UTF_8))).query(Long.class).single();

		SignedInClient ourOperator = new SignedInClient(this.port).signIn(this.colleague.getUsername(), PASSWORD);
		HttpResponse<String> ours = ourOperator.get("/media/" + media);
		assertThat(ours.statusCode()).isEqualTo(200);
		assertThat(ours.body()).isEqualTo("PNG!");

		for (Role role : List.of(Role.OPERATOR, Role.COORDINATOR, Role.ANALYST)) {
			LineaUser stranger = newUser(newOrganisation(), role);
			HttpResponse<String> theirs = new SignedInClient(this.port).signIn(stranger.getUsername(), PASSWORD).get("/media/" + media);
			// an analyst may not open media at all (403); the others learn nothing of its existence (404)
			assertThat(theirs.statusCode()).as(role.name()).isEqualTo(role == Role.ANALYST ? 403 : 404);
			assertThat(theirs.body()).doesNotContain("PNG!");
		}
	}

	@Test
	void theLiveStreamCarriesOnlyTheUsersLines() throws Exception {
		Organisation theirs = newOrganisation();
		Line theirLine = newLine(theirs);
		Line ourOtherLine = newLine(this.ours);
		SignedInClient ourOperator = new SignedInClient(this.port).signIn(this.colleague.getUsername(), PASSWORD);
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		HttpClient client = HttpClient.newHttpClient();
		CompletableFuture<HttpResponse<Stream<String>>> stream = client.sendAsync(HttpRequest.newBuilder(
				URI.create("http://localhost:" + this.port + "/inbox/events"))
			.header("Cookie", ourOperator.cookieHeader())
			.header("Accept", "text/event-stream")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofLines());
		CompletableFuture<Void> reading = stream.thenAccept(response -> response.body().forEach(received::add));
		try {
			awaitLine(received, ":connected");

			// first another organisation's line changes, then ours: the stream is in order, so ours arrives last
			long theirConversation = queuedConversation(theirLine, randomPhone());
			long ourOtherConversation = queuedConversation(ourOtherLine, randomPhone());
			signIn(this.colleague);
			this.notes.note(this.conversation, "ahora nosotros");

			List<String> seen = awaitLine(received, "event:conversation-" + this.conversation);
			assertThat(seen).as("our other line is ours too").contains("event:conversation-" + ourOtherConversation);
			assertThat(seen).noneMatch(line -> line.contains("conversation-" + theirConversation))
				.noneMatch(line -> line.equals("data:" + theirConversation));
		}
		finally {
			reading.cancel(true);
			stream.cancel(true);
			client.shutdownNow();
		}
	}

	/** Reads the stream until a line starting with this text arrives; returns every line read. */
	private static List<String> awaitLine(BlockingQueue<String> received, String start) throws InterruptedException {
		List<String> lines = new java.util.ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline) {
			String line = received.poll(100, TimeUnit.MILLISECONDS);
			if (line == null) {
				continue;
			}
			lines.add(line.replace("event: ", "event:").replace("data: ", "data:").replace(": ", ":"));
			if (lines.getLast().startsWith(start)) {
				return lines;
			}
		}
		throw new AssertionError("The stream never carried " + start + "; it carried " + lines);
	}

	private long queuedConversation(Line line, String number) {
		this.simulator.write(line, new SimulatedMessageRequest(number, "hola", null));
		eventually(() -> this.jdbc.sql("select count(*) from conversation_conversation where line_id = ? and state = 'QUEUED'")
			.param(line.id()).query(Long.class).single() > 0, "queued");
		return this.jdbc.sql("select max(id) from conversation_conversation where line_id = ?").param(line.id()).query(Long.class).single();
	}

	/** Everything an inbox action could change on the conversation. */
	private String snapshot() {
		return this.jdbc.sql("""
				select c.state || '|' || coalesce(c.assignee_id::text, '-') || '|' || coalesce(c.team_id::text, '-') || '|'
				    || coalesce(c.triage, '-') || '|' || array_to_string(c.tags, ',') || '|'
				    || (select count(*) from conversation_message m where m.conversation_id = c.id) || '|'
				    || (select string_agg(r.status || r.service, ',' order by r.id) from inbox_referral r where r.conversation_id = c.id) || '|'
				    || (select count(*) from channel_outbox o join conversation_message m on m.id = o.message_id where m.conversation_id = c.id)
				from conversation_conversation c where c.id = ?
				""").param(this.conversation).query(String.class).single();
	}

}
