package org.linea.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;
import org.linea.feedback.log.FeedbackLog;
import org.linea.feedback.LineScope;
import org.linea.access.AuditLog;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Exports of the feedback log; each is written to the audit log with its scope, dates and size. */
@Service
public class LogExports {

	private final FeedbackLog log;

	private final AuditLog audit;

	private final MessageSource messages;

	LogExports(FeedbackLog log, AuditLog audit, MessageSource messages) {
		this.log = log;
		this.audit = audit;
		this.messages = messages;
	}

	@Transactional
	public void xlsx(LineScope scope, Locale locale, OutputStream out) {
		try (LogWorkbook workbook = new LogWorkbook(this.messages, locale)) {
			audited(scope, "xlsx", this.log.count(scope));
			this.log.each(scope, workbook.rows());
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Transactional
	public void csv(LineScope scope, boolean hxl, Locale locale, OutputStream out) {
		try {
			CSVPrinter printer = LogCsv.open(out, hxl, this.messages, locale);
			audited(scope, hxl ? "csv+hxl" : "csv", this.log.count(scope));
			this.log.each(scope, LogCsv.rows(printer));
			printer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void audited(LineScope scope, String format, long records) {
		this.audit.record(scope.organisationId(), "FEEDBACK_LOG_EXPORTED", "feedback_log", scope.key(),
				Map.of("format", format, "from", scope.from().toString(), "to", scope.to().toString(), "records", records));
	}

}
