package org.linea.contact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.AuditLog;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's consent ledger by their code, for the line's administrators and coordinators: read it,
 * or add an event recorded elsewhere (a programme's enrolment form that included the consent).
 */
@RestController
@Tag(name = "Contacts", description = "People by their pseudonymous code: consent")
class ConsentApiController {

	private static final Set<String> PURPOSES = Set.of("BROADCASTS", "SURVEYS", "DEMOGRAPHICS");

	private final LineService lines;

	private final ContactService contacts;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	ConsentApiController(LineService lines, ContactService contacts, AuditLog audit, JdbcClient jdbc) {
		this.lines = lines;
		this.contacts = contacts;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	@Requires(Permission.PRIVACY_MANAGE)
	@GetMapping("/api/lines/{lineKey}/contacts/{code}/consent")
	@Operation(summary = "The person's current consent per purpose and the whole ledger, oldest first")
	@Transactional
	Consent consent(@PathVariable String lineKey, @PathVariable String code) {
		Line line = this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
		Contact contact = contact(line, code);
		this.audit.record(line.organisationId(), "CONSENT_VIEWED", "contact", Long.toString(contact.id()), Map.of("code", code));
		List<LedgerEntry> ledger = this.jdbc.sql("""
				select purpose, event, wording_version, source, occurred_at from contact_consent_event
				where contact_id = ? order by occurred_at, id
				""")
			.param(contact.id())
			.query((rs, n) -> new LedgerEntry(rs.getString(1), ConsentEvent.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
		return new Consent(code, this.contacts.currentConsent(contact.id()), ledger);
	}

	@Requires(Permission.PRIVACY_MANAGE)
	@PostMapping("/api/lines/{lineKey}/contacts/{code}/consent")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a consent event with its evidence: the wording's version and where it was given")
	@Transactional
	Consent record(@PathVariable String lineKey, @PathVariable String code, @RequestBody NewConsent consent) {
		Line line = this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
		Contact contact = contact(line, code);
		if (consent.purpose() == null || !PURPOSES.contains(consent.purpose())) {
			throw new InvalidRequestException("error.contact.purpose", String.join(", ", PURPOSES.stream().sorted().toList()));
		}
		if (consent.event() == null || consent.source() == null || consent.source().isBlank()) {
			throw new InvalidRequestException("error.contact.say-what-happened-event");
		}
		this.contacts.recordConsent(contact.id(), consent.purpose(), consent.event(), consent.wordingVersion(), consent.source().strip());
		this.audit.record(line.organisationId(), "CONSENT_RECORDED", "contact", Long.toString(contact.id()),
				Map.of("code", code, "purpose", consent.purpose(), "event", consent.event().name()));
		return consent(lineKey, code);
	}

	private Contact contact(Line line, String code) {
		return this.contacts.findByCode(line.id(), code).orElseThrow(() -> new NotFoundException("error.missing.contact", code));
	}

	record Consent(String code, Map<String, ConsentEvent> current, List<LedgerEntry> ledger) {
	}

	record LedgerEntry(String purpose, ConsentEvent event, String wordingVersion, String source, Instant occurredAt) {
	}

	record NewConsent(@Schema(example = "BROADCASTS") String purpose, @Schema(example = "GIVEN") ConsentEvent event,
			@Schema(example = "ctp-enrolment-2026-v2") String wordingVersion, @Schema(example = "CTP enrolment form") String source) {
	}

}
