package org.linea.safeguarding;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Alert emails without content, received by an SMTP server in the test; re-alert and escalation on a test clock. */
@TestPropertySource(properties = { "spring.mail.host=localhost", "spring.mail.port=3025",
		"linea.safeguarding.escalation-check=1h" })
class SafeguardingAlertsTests extends LineaIntegrationTest {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	SimulatorService simulator;

	@Autowired
	CaseAlerts alerts;

	Organisation organisation;

	Line line;

	LineaUser first;

	LineaUser second;

	@BeforeEach
	void lineWithARota() {
		this.organisation = newOrganisation();
		this.line = newLine(this.organisation);
		this.first = newUser(this.organisation, Role.SAFEGUARDING);
		this.second = newUser(this.organisation, Role.SAFEGUARDING);
		this.jdbc.sql("insert into safeguarding_line_settings (line_id, ack_minutes) values (?, 15)").param(this.line.id()).update();
		this.jdbc.sql("insert into safeguarding_rota (line_id, position, user_id, email) values (?, 1, ?, 'primera@example.org'), (?, 2, ?, 'segunda@example.org')")
			.params(this.line.id(), this.first.id(), this.line.id(), this.second.id()).update();
	}

	@Test
	void anUrgentCaseEmailsTheFirstOnCallWithoutContentThenReAlertsAndEscalatesWhenUnacknowledged() throws Exception {
		this.simulator.write(this.line, new SimulatedMessageRequest(randomPhone(),
				"me trague todas las pastillas de mi mama hace una hora y me siento muy mal", null));
		// other tests' urgent cases share the database and are escalated too: count only this case's emails
		eventually(() -> this.jdbc.sql("select count(*) from safeguarding_case where line_id = ?").param(this.line.id())
			.query(Integer.class).single() == 1, "the case is opened");
		String code = this.jdbc.sql("select code from safeguarding_case where line_id = ?").param(this.line.id()).query(String.class).single();
		eventually(() -> mailsAbout(code).size() >= 1, "the alert email arrives");
		MimeMessage alert = mailsAbout(code).get(0);
		assertThat(alert.getAllRecipients()[0].toString()).isEqualTo("primera@example.org");
		assertThat(alert.getSubject()).isEqualTo("Caso urgente " + code + " en la línea " + this.line.name());
		String body = (String) alert.getContent();
		assertThat(body).contains("/safeguarding").doesNotContain("pastillas");
		eventually(() -> inAppAlerts().size() >= 2, "both focal points get the in-app alert");
		assertThat(inAppAlerts()).containsExactlyInAnyOrder(this.first.id() + ":ALERT", this.second.id() + ":ALERT");

		Instant opened = this.jdbc.sql("select last_alerted_at from safeguarding_case where line_id = ?").param(this.line.id())
			.query(java.sql.Timestamp.class).single().toInstant();
		// other tests' cases share the database: look at this line's case only
		this.alerts.escalate(opened.plus(Duration.ofMinutes(14)));
		assertThat(alertLevel()).isEqualTo(1);
		assertThat(mailsAbout(code)).hasSize(1);
		this.alerts.escalate(opened.plus(Duration.ofMinutes(15)));
		assertThat(alertLevel()).isEqualTo(2);
		List<String> recipients = mailsAbout(code).stream().map(m -> {
			try {
				return m.getAllRecipients()[0] + " " + m.getSubject();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
		assertThat(recipients).hasSize(3)
			.contains("primera@example.org Caso urgente " + code + " en la línea " + this.line.name() + " (sin confirmar)")
			.contains("segunda@example.org Caso urgente " + code + " en la línea " + this.line.name() + " (sin confirmar: escalado a usted)");

		// acknowledged: no more alerts
		this.jdbc.sql("update safeguarding_case set status = 'ACKNOWLEDGED' where line_id = ?").param(this.line.id()).update();
		this.alerts.escalate(opened.plus(Duration.ofHours(2)));
		assertThat(mailsAbout(code)).hasSize(3);
	}

	private static List<MimeMessage> mailsAbout(String caseCode) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getSubject() != null && m.getSubject().contains(caseCode);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	@Test
	void aReportAgainstStaffGoesToTheInvestigationFocalPointNotDownTheRota() {
		LineaUser investigator = newUser(this.organisation, Role.SAFEGUARDING);
		this.jdbc.sql("insert into safeguarding_investigation_focal_point (organisation_id, user_id, email) values (?, ?, 'investiga@example.org')")
			.params(this.organisation.id(), investigator.id()).update();
		this.simulator.write(this.line, new SimulatedMessageRequest(randomPhone(),
				"el coordinador de la zona nos cobra 10 soles de cada pago y al q no paga lo saca del programa", null));
		eventually(() -> smtp.getReceivedMessages().length >= 1, "the alert email arrives");
		assertThat(Arrays.stream(smtp.getReceivedMessages()).map(m -> {
			try {
				return m.getAllRecipients()[0].toString();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		})).containsExactly("investiga@example.org");
	}

	@Test
	void theRotaFollowsTheLinesTimeZone() {
		this.jdbc.sql("update safeguarding_rota set on_call = 'MON-SUN 08:00-20:00' where user_id = ?").param(this.first.id()).update();
		// 03:00 in Lima is 08:00 UTC: the first person is off call, the second (always on call) is first
		Instant limaNight = Instant.parse("2026-12-02T08:00:00Z");
		assertThat(this.alerts.onCall(this.line, limaNight)).extracting(CaseAlerts.OnCall::email).containsExactly("segunda@example.org");
		Instant limaMorning = Instant.parse("2026-12-02T14:00:00Z");
		assertThat(this.alerts.onCall(this.line, limaMorning)).extracting(CaseAlerts.OnCall::email)
			.containsExactly("primera@example.org", "segunda@example.org");
	}

	private int alertLevel() {
		return this.jdbc.sql("select alert_level from safeguarding_case where line_id = ?").param(this.line.id()).query(Integer.class).single();
	}

	private List<String> inAppAlerts() {
		return this.jdbc.sql("""
				select a.user_id || ':' || a.kind from safeguarding_alert a join safeguarding_case c on c.id = a.case_id
				where c.line_id = ? and a.channel = 'IN_APP'
				""").param(this.line.id()).query(String.class).list();
	}

}
