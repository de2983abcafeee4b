package org.linea.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.MessagingException;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.feedback.FeedbackProperties;
import org.linea.feedback.LineScope;
import org.linea.feedback.LocalCalendar;
import org.linea.shared.LineaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails the weekly report every Monday: once the organisation's sending hour has passed on Monday in
 * its (first) line's time zone, each recipient listed by then gets the week before's PDF, in their
 * language, with their lines and sections and a link to the report, and no personal data (counts
 * only, teams rather than operators). A delivery is a row, taken by one node at a time; a failure is
 * kept with its error and retried later, up to {@link DistributionList#MAX_ATTEMPTS} times.
 */
@Service
class WeeklyReportDelivery {

	private static final Logger log = LoggerFactory.getLogger(WeeklyReportDelivery.class);

	private static final Duration FIRST_RETRY = Duration.ofMinutes(10);

	private final DistributionList list;

	private final WeeklyReports reports;

	private final LineService lines;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ObjectProvider<JavaMailSender> mail;

	private final MessageSource messages;

	private final LineaProperties linea;

	private final String from;

	private final FeedbackProperties feedback;

	WeeklyReportDelivery(DistributionList list, WeeklyReports reports, LineService lines, JdbcClient jdbc,
			TransactionTemplate transactions, ObjectProvider<JavaMailSender> mail, MessageSource messages, LineaProperties linea,
			FeedbackProperties feedback, @Value("${linea.report.mail-from:linea@localhost}") String from) {
		this.list = list;
		this.reports = reports;
		this.lines = lines;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.mail = mail;
		this.messages = messages;
		this.linea = linea;
		this.from = from;
		this.feedback = feedback;
	}

	/** Plans the week's deliveries of every organisation whose Monday hour has passed, then sends what is due. */
	void run(Instant now) {
		for (long organisation : this.list.organisationsWithRecipients()) {
			List<Line> its = linesOf(organisation);
			if (its.isEmpty()) {
				continue;
			}
			ZoneId zone = its.getFirst().timeZone();
			LocalDate monday = LocalCalendar.weekStart(now, zone);
			Instant sendAt = ZonedDateTime.of(monday.atTime(this.list.hour(organisation), 0), zone).toInstant();
			if (!now.isBefore(sendAt)) {
				this.list.plan(organisation, monday.minusWeeks(1), sendAt, now);
			}
		}
		while (sendNext(now)) {
			// one delivery per transaction, each locked by the node sending it
		}
	}

	/** Tries a failed delivery again now. */
	boolean retry(long organisationId, long deliveryId, Instant now) {
		if (!this.list.retry(organisationId, deliveryId, now)) {
			return false;
		}
		while (sendNext(now)) {
			// the retried one, and any other due
		}
		return true;
	}

	private boolean sendNext(Instant now) {
		Boolean sent = this.transactions.execute(status -> {
			Optional<long[]> due = this.jdbc.sql("""
					select id, recipient_id, attempts from report_delivery
					where status in ('PENDING', 'FAILED') and attempts < ? and next_attempt_at <= ?
					order by next_attempt_at, id limit 1 for update skip locked
					""").params(DistributionList.MAX_ATTEMPTS, Timestamp.from(now))
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
				.optional();
			if (due.isEmpty()) {
				return false;
			}
			long id = due.get()[0];
			int attempts = (int) due.get()[2] + 1;
			LocalDate week = this.jdbc.sql("select week_start from report_delivery where id = ?").param(id)
				.query(LocalDate.class).single();
			try {
				send(this.list.recipient(due.get()[1]).orElseThrow(), week);
				this.jdbc.sql("update report_delivery set status = 'SENT', attempts = ?, sent_at = ?, last_error = null where id = ?")
					.params(attempts, Timestamp.from(now), id).update();
			}
			catch (MailException | MessagingException | IOException | IllegalStateException ex) {
				log.warn("Weekly report delivery {} failed (attempt {}): {}", id, attempts, ex.getMessage());
				this.jdbc.sql("update report_delivery set status = 'FAILED', attempts = ?, last_error = ?, next_attempt_at = ? where id = ?")
					.params(attempts, message(ex), Timestamp.from(now.plus(FIRST_RETRY.multipliedBy(1L << (attempts - 1)))), id)
					.update();
			}
			return true;
		});
		return Boolean.TRUE.equals(sent);
	}

	private void send(DistributionList.Recipient recipient, LocalDate week) throws MessagingException, IOException {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			throw new IllegalStateException("No SMTP server configured (spring.mail.host)");
		}
		LineScope scope = DistributionList.scopeOf(recipient, linesOf(recipient.organisationId()), week);
		Locale locale = ReportLanguage.of(scope, recipient.language());
		WeeklyReport report = this.reports.of(scope, locale, false).only(recipient.sections());
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		WeeklyReportPdf.write(report, pdf);
		String about = scope.label() != null ? scope.label() : organisationName(recipient.organisationId());
		String link = this.linea.publicUrl() + "/report/weekly?scope=" + scope.key() + "&from=" + week;
		var message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(recipient.email());
		helper.setSubject(this.messages.getMessage("report.mail.subject", new Object[] { week, about }, locale));
		helper.setText(this.messages.getMessage("report.mail.body",
				new Object[] { recipient.name(), about, report.text("week"), link, this.feedback.smallCountThreshold() }, locale));
		helper.addAttachment(WeeklyReportController.fileName(report, "pdf"), new ByteArrayResource(pdf.toByteArray()),
				"application/pdf");
		sender.send(message);
	}

	private List<Line> linesOf(long organisationId) {
		return this.lines.all().stream().filter(l -> l.organisationId() == organisationId).sorted(Comparator.comparingLong(Line::id))
			.toList();
	}

	private String organisationName(long organisationId) {
		return this.jdbc.sql("select name from admin_organisation where id = ?").param(organisationId).query(String.class).single();
	}

	private static String message(Exception ex) {
		String text = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		return text.length() > 500 ? text.substring(0, 500) : text;
	}

}
