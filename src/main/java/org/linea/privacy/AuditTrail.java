package org.linea.privacy;

import org.linea.access.AuditLog;
import org.linea.access.AuditEntry;
import org.linea.access.ChainVerification;
import org.linea.access.AuditFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.linea.access.Access;
import org.linea.access.Permission;
import org.linea.contact.ContactKeys;
import org.linea.shared.SpreadsheetText;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail as installation administrators use it: search, CSV export, verification of the
 * hash chain and re-wrapping data keys after a master-key rotation. Each use is itself audited.
 */
@Service
public class AuditTrail {

	static final int PAGE = 500;

	private final AuditLog audit;

	private final ContactKeys keys;

	AuditTrail(AuditLog audit, ContactKeys keys) {
		this.audit = audit;
		this.keys = keys;
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> search(AuditFilter filter) {
		requireAdmin();
		return this.audit.search(filter, PAGE);
	}

	@Transactional(readOnly = true)
	public List<String> actions() {
		requireAdmin();
		return this.audit.actions();
	}

	@Transactional
	public ChainVerification verify() {
		requireAdmin();
		ChainVerification result = this.audit.verify();
		this.audit.record("AUDIT_VERIFIED", "audit", null, Map.of("intact", result.intact(), "checked", result.checked()));
		return result;
	}

	/** Writes the matching entries as CSV; cells a spreadsheet would run as a formula are defused. */
	@Transactional
	public void exportCsv(AuditFilter filter, Writer out) {
		requireAdmin();
		List<AuditEntry> entries = this.audit.search(filter, 100_000);
		this.audit.record("AUDIT_EXPORTED", "audit", null, Map.of("entries", entries.size()));
		try (CSVPrinter printer = CSVFormat.RFC4180.builder()
			.setHeader("occurred_at", "username", "action", "subject_type", "subject_id", "detail")
			.get()
			.print(out)) {
			for (AuditEntry entry : entries) {
				printer.printRecord(entry.occurredAt().toString(), SpreadsheetText.defuse(entry.username()),
						SpreadsheetText.defuse(entry.action()), SpreadsheetText.defuse(entry.subjectType()),
						SpreadsheetText.defuse(entry.subjectId()), SpreadsheetText.defuse(entry.detail()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Transactional
	public int rewrapDataKeys() {
		requireAdmin();
		int rewrapped = this.keys.rewrap();
		this.audit.record("DATA_KEYS_REWRAPPED", "audit", null, Map.of("rewrapped", rewrapped));
		return rewrapped;
	}

	private static void requireAdmin() {
		Access.requireInstallation(Permission.INSTALLATION_ADMIN);
	}

}
