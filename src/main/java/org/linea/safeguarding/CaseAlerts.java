package org.linea.safeguarding;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.OpeningHours;
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
 * against the organisation's own people ({@link Category#againstStaff()}) alerts its investigation focal
 * points instead (in the app and by email, re-alerted while unacknowledged), never the rota; and no
 * alert ever goes to the people or the members of the teams the report concerns ({@link Accused}).
 */
@Component
class CaseAlerts {

	private static final Logger log = LoggerFactory.getLogger(CaseAlerts.class);

	record OnCall(long userId, String email) {
	}

	private record Due(long caseId, long lineId, long organisationId, String code, boolean urgent, int level, boolean againstStaff) {
	}

	private final JdbcClient jdbc;

	private final CaseRepository cases;

	private final LineService lines;

	private final ObjectProvider<JavaMailSender> mail;

	private final LineaProperties linea;

	private final Clock clock;

	CaseAlerts(JdbcClient jdbc, CaseRepository cases, LineService lines, ObjectProvider<JavaMailSender> mail, LineaProperties linea,
			Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
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
		Set<Long> keptFrom = this.cases.keptFrom(opened.caseId());
		List<OnCall> investigators = opened.category().againstStaff() ? investigators(opened.organisationId(), keptFrom) : List.of();
		if (!investigators.isEmpty()) {
			// a report against the organisation's own people goes to its investigation focal points, never down the rota
			alertInvestigators(opened.caseId(), investigators, kind, opened.code(), opened.urgent(), line, now);
		}
		else {
			inApp(opened.caseId(), opened.organisationId(), kind, keptFrom, now);
			onCall(line, now).stream().filter(person -> !keptFrom.contains(person.userId())).findFirst()
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
				select c.id as case_id, c.line_id, c.organisation_id, c.code, c.urgent, c.alert_level as level,
				       c.category in ('SEA', 'FRAUD', 'CONDUCT') as against_staff
				from safeguarding_case c left join safeguarding_line_settings s on s.line_id = c.line_id
				where c.status = 'OPEN' and c.urgent and c.last_alerted_at is not null
				  and c.last_alerted_at + make_interval(mins => coalesce(s.ack_minutes, 10)) <= ?
				for update of c skip locked
				""").param(java.sql.Timestamp.from(now)).query(Due.class).list();
		for (Due item : due) {
			Line line = this.lines.get(item.lineId());
			Set<Long> keptFrom = this.cases.keptFrom(item.caseId());
			List<OnCall> investigators = item.againstStaff() ? investigators(item.organisationId(), keptFrom) : List.of();
			if (!investigators.isEmpty()) {
				alertInvestigators(item.caseId(), investigators, "REALERT", item.code(), true, line, now);
				this.jdbc.sql("update safeguarding_case set last_alerted_at = ? where id = ?")
					.params(java.sql.Timestamp.from(now), item.caseId())
					.update();
				continue;
			}
			List<OnCall> onCall = onCall(line, now).stream().filter(person -> !keptFrom.contains(person.userId())).toList();
			inApp(item.caseId(), item.organisationId(), "REALERT", keptFrom, now);
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

	/** The organisation's investigation focal points, but none the report concerns. */
	List<OnCall> investigators(long organisationId, Set<Long> keptFrom) {
		return this.jdbc.sql("select user_id, email from safeguarding_investigation_focal_point where organisation_id = ? order by user_id")
			.param(organisationId)
			.query((rs, row) -> new OnCall(rs.getLong("user_id"), rs.getString("email")))
			.list()
			.stream()
			.filter(person -> !keptFrom.contains(person.userId()))
			.toList();
	}

	private void alertInvestigators(long caseId, List<OnCall> investigators, String kind, String code, boolean urgent, Line line,
			Instant now) {
		for (OnCall investigator : investigators) {
			insertAlert(caseId, investigator.userId(), kind, "IN_APP", now);
			email(caseId, investigator, kind, code, urgent, line, now);
		}
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

	/** Every enabled focal point of the organisation but those the case is kept from. */
	private void inApp(long caseId, long organisationId, String kind, Set<Long> keptFrom, Instant now) {
		this.jdbc.sql("""
				insert into safeguarding_alert (case_id, user_id, kind, channel, sent_at)
				select distinct cast(? as bigint), m.user_id, cast(? as text), 'IN_APP', cast(? as timestamptz) from admin_membership m join admin_user u on u.id = m.user_id
				where m.organisation_id = ? and m.role = 'SAFEGUARDING' and u.enabled and not (m.user_id = any(?))
				""").params(caseId, kind, java.sql.Timestamp.from(now), organisationId, keptFrom.toArray(Long[]::new)).update();
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
