package org.linea.safeguarding;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.linea.admin.Line;
import org.linea.admin.LineService;
import org.linea.admin.OpeningHours;
import org.linea.shared.LineaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells focal points about a case, never its content: an in-app alert for every SAFEGUARDING member
 * of the organisation, and an email ("caso urgente 26PE0042 en la línea X" and a link) to the first
 * person of the line's on-call rota on call now (in the line's time zone). An urgent case not
 * acknowledged within the line's minutes re-alerts and escalates to the next person on call. A report
 * against the organisation's own people ({@link Category#againstStaff()}) is emailed to its
 * investigation focal point instead of the rota.
 */
@Component
class CaseAlerts {

	private static final Logger log = LoggerFactory.getLogger(CaseAlerts.class);

	record OnCall(long userId, String email) {
	}

	private record Due(long caseId, long lineId, long organisationId, String code, boolean urgent, int level) {
	}

	private final JdbcClient jdbc;

	private final LineService lines;

	private final ObjectProvider<JavaMailSender> mail;

	private final LineaProperties linea;

	private final Clock clock;

	CaseAlerts(JdbcClient jdbc, LineService lines, ObjectProvider<JavaMailSender> mail, LineaProperties linea, Clock clock) {
		this.jdbc = jdbc;
		this.lines = lines;
		this.mail = mail;
		this.linea = linea;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
	public void opened(CaseOpened opened) {
		Instant now = Instant.now(this.clock);
		Line line = this.lines.get(opened.lineId());
		String kind = opened.becameUrgent() ? "REALERT" : "ALERT";
		inApp(opened.caseId(), opened.organisationId(), kind, now);
		Optional<OnCall> investigator = opened.category().againstStaff() ? investigator(opened.organisationId()) : Optional.empty();
		if (investigator.isPresent()) {
			// a report against the organisation's own people goes to its investigation focal point, never down the rota
			email(opened.caseId(), investigator.get(), kind, opened.code(), opened.urgent(), line, now);
			insertAlert(opened.caseId(), investigator.get().userId(), kind, "IN_APP", now);
		}
		else {
			onCall(line, now).stream().findFirst()
				.ifPresent(first -> email(opened.caseId(), first, kind, opened.code(), opened.urgent(), line, now));
		}
		this.jdbc.sql("update safeguarding_case set alert_level = greatest(alert_level, 1), last_alerted_at = ? where id = ?")
			.params(java.sql.Timestamp.from(now), opened.caseId())
			.update();
	}

	@Scheduled(fixedDelayString = "${linea.safeguarding.escalation-check:30s}")
	void escalateDue() {
		escalate(Instant.now(this.clock));
	}

	/**
	 * Re-alerts every urgent case left unacknowledged longer than its line's minutes, and escalates it
	 * to the next person on call.
	 * @return how many cases were re-alerted
	 */
	@Transactional
	int escalate(Instant now) {
		List<Due> due = this.jdbc.sql("""
				select c.id as case_id, c.line_id, c.organisation_id, c.code, c.urgent, c.alert_level as level
				from safeguarding_case c left join safeguarding_line_settings s on s.line_id = c.line_id
				where c.status = 'OPEN' and c.urgent and c.last_alerted_at is not null
				  and c.last_alerted_at + make_interval(mins => coalesce(s.ack_minutes, 10)) <= ?
				for update of c skip locked
				""").param(java.sql.Timestamp.from(now)).query(Due.class).list();
		for (Due item : due) {
			Line line = this.lines.get(item.lineId());
			List<OnCall> onCall = onCall(line, now);
			inApp(item.caseId(), item.organisationId(), "REALERT", now);
			int level = item.level();
			if (level >= 1 && level <= onCall.size()) {
				email(item.caseId(), onCall.get(level - 1), "REALERT", item.code(), true, line, now);
			}
			if (level < onCall.size()) {
				OnCall next = onCall.get(level);
				email(item.caseId(), next, "ESCALATION", item.code(), true, line, now);
				insertAlert(item.caseId(), next.userId(), "ESCALATION", "IN_APP", now);
				level++;
			}
			this.jdbc.sql("update safeguarding_case set alert_level = ?, last_alerted_at = ? where id = ?")
				.params(level, java.sql.Timestamp.from(now), item.caseId())
				.update();
		}
		return due.size();
	}

	Optional<OnCall> investigator(long organisationId) {
		return this.jdbc.sql("select user_id, email from safeguarding_investigation_focal_point where organisation_id = ?")
			.param(organisationId)
			.query((rs, row) -> new OnCall(rs.getLong("user_id"), rs.getString("email")))
			.optional();
	}

	/** The line's rota, in order, keeping those on call at this moment in the line's time zone. */
	List<OnCall> onCall(Line line, Instant now) {
		return this.jdbc.sql("select user_id, email, on_call from safeguarding_rota where line_id = ? order by position")
			.param(line.id())
			.query((rs, row) -> OpeningHours.parse(rs.getString("on_call")).isOpen(now, line.timeZone())
					? Optional.of(new OnCall(rs.getLong("user_id"), rs.getString("email"))) : Optional.<OnCall>empty())
			.list()
			.stream()
			.flatMap(Optional::stream)
			.toList();
	}

	private void inApp(long caseId, long organisationId, String kind, Instant now) {
		this.jdbc.sql("""
				insert into safeguarding_alert (case_id, user_id, kind, channel, sent_at)
				select distinct cast(? as bigint), m.user_id, cast(? as text), 'IN_APP', cast(? as timestamptz) from admin_membership m join admin_user u on u.id = m.user_id
				where m.organisation_id = ? and m.role = 'SAFEGUARDING' and u.enabled
				""").params(caseId, kind, java.sql.Timestamp.from(now), organisationId).update();
	}

	private void email(long caseId, OnCall to, String kind, String code, boolean urgent, Line line, Instant now) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			log.warn("Safeguarding case {}: no SMTP server configured (spring.mail.host), no alert email sent", code);
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setTo(to.email());
		String subject = (urgent ? "Caso urgente " : "Caso nuevo ") + code + " en la línea " + line.name()
				+ (kind.equals("ESCALATION") ? " (sin confirmar: escalado a usted)" : kind.equals("REALERT") ? " (sin confirmar)" : "");
		message.setSubject(subject);
		message.setText(subject + "\n\n" + this.linea.publicUrl() + "/safeguarding\n\n"
				+ "Este aviso no incluye el contenido del caso. / This alert carries none of the case's content.");
		try {
			sender.send(message);
			insertAlert(caseId, to.userId(), kind, "EMAIL", now);
		}
		catch (MailException ex) {
			log.error("Safeguarding case {}: the alert email could not be sent: {}", code, ex.getMessage());
		}
	}

	private void insertAlert(long caseId, long userId, String kind, String channel, Instant now) {
		this.jdbc.sql("insert into safeguarding_alert (case_id, user_id, kind, channel, sent_at) values (?, ?, ?, ?, ?)")
			.params(caseId, userId, kind, channel, java.sql.Timestamp.from(now))
			.update();
	}

}
