package org.linea.privacy;

import org.linea.access.ChainVerification;
import org.linea.access.AuditFilter;
import org.linea.access.AuditLog;
import org.linea.personaldata.DataTypes;
import java.io.StringWriter;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.web.SignedInClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention by the daily run, a person's keywords, the pages, and the audit chain's verification. */
class PrivacyFlowsIntegrationTests extends InteractionsIntegrationTest {

	@Autowired
	RetentionService retention;

	@Autowired
	ScheduledErasures erasures;

	@Autowired
	ErasurePolicies policies;

	@Autowired
	AuditLog audit;

	@Autowired
	AuditTrail trail;

	@Autowired
	TransactionTemplate transactions;

	@LocalServerPort
	int port;

	@Test
	void aRetentionOfOneDayErasesOlderMessagesAndKeepsNewerOnesAndTheRunIsAClusterJob() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		signIn(newUser(organisation, Role.COORDINATOR));
		this.retention.setPeriod(line.key(), DataTypes.MESSAGE_TEXTS, 1);
		String old = "viejo" + UUID.randomUUID().toString().substring(0, 8);
		String recent = "nuevo" + UUID.randomUUID().toString().substring(0, 8);
		String phone = randomPhone();
		write(line, phone, old);
		write(line, phone, recent);
		this.jdbc.sql("update conversation_message set created_at = now() - interval '2 days' where line_id = ? and body like ?")
			.params(line.id(), old + "%").update();
		this.jdbc.sql("update channel_inbound_message set received_at = now() - interval '2 days' where line_id = ? and body like ?")
			.params(line.id(), old + "%").update();

		this.retention.applyRetention();

		assertThat(count("select count(*) from conversation_message where line_id = ? and body like ?", line.id(), old + "%")).isZero();
		assertThat(count("select count(*) from channel_inbound_message where line_id = ? and body like ?", line.id(), old + "%")).isZero();
		assertThat(count("select count(*) from conversation_message where line_id = ? and body like ?", line.id(), recent + "%")).isEqualTo(1);
		// identifiers keep the line's 30 days: the person is still there
		assertThat(count("select count(*) from contact_contact where line_id = ? and erased_at is null", line.id(), null)).isEqualTo(1);
		assertThat(count("select count(*) from privacy_audit_log where action = 'RETENTION_APPLIED' and subject_id = ?", line.key(), null))
			.isEqualTo(1);
		assertThat(count("select count(*) from jobs_scheduled_task where task_name = ?", RetentionJob.NAME, null)).isEqualTo(1);
	}

	@Test
	void aPersonAsksWhatIsKeptThenForErasureWhichALineThatErasesAtOnceDoesAfterAnswering() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		this.policies.set(line.id(), true);
		String phone = randomPhone();
		write(line, phone, "MIS DATOS");
		String code = this.jdbc.sql("select code from contact_contact where line_id = ?").param(line.id()).query(String.class).single();
		eventually(() -> this.simulator.thread(line, phone).stream().anyMatch(m -> "OUT".equals(m.direction()) && m.text().contains(code)
				&& m.text().contains("BORRAR MIS DATOS")), "the person is told what is kept");

		write(line, phone, "borrar mis datos");
		eventually(() -> count("select count(*) from contact_contact where line_id = ? and erased_at is not null", line.id(), null) == 1,
				"the person is erased");
		assertThat(count("select count(*) from privacy_erasure where line_id = ? and requested_by = 'PERSON'", line.id(), null)).isEqualTo(1);
		assertThat(count("select count(*) from channel_outbox o join contact_contact c on c.id = o.contact_id where c.line_id = ? and o.status = 'SENT'",
				line.id(), null)).as("the answers went out before the number was erased").isGreaterThanOrEqualTo(2);
	}

	@Test
	void onALineThatWaitsForACoordinatorTheRequestIsListedAndErasesOnConfirmation() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		String phone = randomPhone();
		write(line, phone, "DELETE MY DATA");
		eventually(() -> count("select count(*) from privacy_erasure_request where line_id = ? and status = 'PENDING'", line.id(), null) == 1,
				"the request waits");
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		SignedInClient client = new SignedInClient(this.port).signIn(coordinator.getUsername(), "a-long-test-password");
		String page = client.get("/privacy?line=" + line.key()).body();
		String code = this.jdbc.sql("select contact_code from privacy_erasure_request where line_id = ?").param(line.id())
			.query(String.class).single();
		assertThat(page).contains(code).contains("/privacy/" + line.key() + "/purge");
		assertThat(client.get("/privacy/" + line.key() + "/purge?olderThan=P1D").body()).contains("value=\"P1D\"").contains("Message texts");
		signIn(coordinator);
		long request = this.erasures.pending(line.key()).getFirst().id();
		this.erasures.confirm(line.key(), request);
		assertThat(count("select count(*) from contact_contact where line_id = ? and erased_at is not null", line.id(), null)).isEqualTo(1);
		assertThat(client.get("/privacy?line=" + line.key()).body()).contains(code);
	}

	@Test
	void aCoordinatorFindsAPersonOnTheContactPageExportsAndErasesThemAfterTypingTheirCode() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		String phone = randomPhone();
		write(line, phone, "hola, necesito ayuda");
		String code = this.jdbc.sql("select code from contact_contact where line_id = ?").param(line.id()).query(String.class).single();
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		SignedInClient client = new SignedInClient(this.port).signIn(coordinator.getUsername(), "a-long-test-password");
		client.get("/privacy?line=" + line.key());
		var found = client.postForm("/privacy/" + line.key() + "/lookup", Map.of("phone", phone));
		assertThat(found.statusCode()).isEqualTo(302);
		assertThat(found.headers().firstValue("Location").orElseThrow()).endsWith("/privacy/" + line.key() + "/contacts/" + code);
		String page = client.get("/privacy/" + line.key() + "/contacts/" + code).body();
		assertThat(page).contains(code).doesNotContain(phone);
		assertThat(client.get("/privacy/" + line.key() + "/contacts/" + code + "/export").body()).contains(phone).contains("necesito ayuda");

		client.postForm("/privacy/" + line.key() + "/contacts/" + code + "/erase", Map.of("confirm", "wrong"));
		assertThat(count("select count(*) from contact_contact where line_id = ? and erased_at is not null", line.id(), null)).isZero();
		client.get("/privacy/" + line.key() + "/contacts/" + code);
		client.postForm("/privacy/" + line.key() + "/contacts/" + code + "/erase", Map.of("confirm", code));
		assertThat(count("select count(*) from contact_contact where line_id = ? and erased_at is not null", line.id(), null)).isEqualTo(1);
		assertThat(count("select count(*) from privacy_audit_log where action in ('CONTACT_LOOKED_UP', 'CONTACT_VIEWED', 'CONTACT_EXPORTED', 'CONTACT_ERASED') and organisation_id = ?",
				organisation.id(), null)).isGreaterThanOrEqualTo(4);

		SignedInClient operator = new SignedInClient(this.port).signIn(newUser(organisation, Role.OPERATOR).getUsername(), "a-long-test-password");
		assertThat(operator.get("/privacy/audit").statusCode()).isEqualTo(403);
		assertThat(operator.get("/privacy/" + line.key() + "/contacts/" + code).statusCode()).isIn(403, 404);
	}

	@Test
	void verifyingTheAuditChainFindsAChangedAndARemovedEntry() {
		signIn(administrator());
		this.transactions.executeWithoutResult(status -> {
			this.audit.record("TEST_ONE", "test", "1", Map.of("n", 1));
			this.audit.record("TEST_TWO", "test", "2", Map.of("n", 2));
			this.audit.record("TEST_THREE", "test", "=1+1", Map.of("n", 3));
		});
		assertThat(this.trail.verify().intact()).isTrue();
		long two = this.jdbc.sql("select max(id) from privacy_audit_log where action = 'TEST_TWO'").query(Long.class).single();

		this.jdbc.sql("update privacy_audit_log set detail = '{\"n\": 20}' where id = ?").param(two).update();
		ChainVerification changed = this.audit.verify();
		assertThat(changed.intact()).isFalse();
		assertThat(changed.brokenAt()).isEqualTo(two);
		this.jdbc.sql("update privacy_audit_log set detail = '{\"n\": 2}' where id = ?").param(two).update();
		assertThat(this.audit.verify().intact()).isTrue();

		Map<String, Object> row = this.jdbc.sql("select * from privacy_audit_log where id = ?").param(two).query().singleRow();
		this.jdbc.sql("delete from privacy_audit_log where id = ?").param(two).update();
		ChainVerification removed = this.audit.verify();
		assertThat(removed.intact()).isFalse();
		assertThat(removed.brokenAt()).isGreaterThan(two);
		this.jdbc.sql("""
				insert into privacy_audit_log (id, occurred_at, user_id, username, organisation_id, action, subject_type, subject_id, detail, prev_hash, entry_hash)
				values (:id, :occurred_at, :user_id, :username, :organisation_id, :action, :subject_type, :subject_id, cast(:detail as jsonb), :prev_hash, :entry_hash)
				""").paramSource(withDetailText(row)).update();
		assertThat(this.audit.verify().intact()).isTrue();

		StringWriter csv = new StringWriter();
		this.trail.exportCsv(new AuditFilter(null, "TEST_THREE", null, null), csv);
		assertThat(csv.toString()).contains("'=1+1").doesNotContain(",=1+1");
	}

	private static Map<String, Object> withDetailText(Map<String, Object> row) {
		Map<String, Object> copy = new java.util.HashMap<>(row);
		copy.put("detail", String.valueOf(row.get("detail")));
		return copy;
	}

	private void write(Line line, String phone, String text) {
		int before = count("select count(*) from conversation_message where line_id = ? and direction = 'IN'", line.id(), null);
		this.simulator.write(line, new SimulatedMessageRequest(phone, text, null));
		eventually(() -> count("select count(*) from conversation_message where line_id = ? and direction = 'IN'", line.id(), null) > before,
				"the message is processed");
	}

	private int count(String sql, Object first, Object second) {
		var spec = this.jdbc.sql(sql);
		spec = second == null ? spec.param(first) : spec.params(first, second);
		return spec.query(Integer.class).single();
	}

}
