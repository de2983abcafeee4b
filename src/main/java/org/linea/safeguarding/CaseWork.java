package org.linea.safeguarding;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.linea.access.CurrentUser;
import org.linea.access.LineService;
import org.linea.access.AuditLog;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A focal point works a case: notes, referrals to the line's services with the person's consent,
 * follow-ups, and closing with an outcome. Only the organisation's focal points ({@link CaseAccess});
 * every step is audited, never with its text.
 */
@Service
public class CaseWork {

	private final CaseAccess access;

	private final CaseFileRepository files;

	private final ServiceMap services;

	private final LineService lines;

	private final AuditLog audit;

	private final Clock clock;

	CaseWork(CaseAccess access, CaseFileRepository files, ServiceMap services, LineService lines, AuditLog audit, Clock clock) {
		this.access = access;
		this.files = files;
		this.services = services;
		this.lines = lines;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public CaseFile file(long caseId) {
		SafeguardingCase found = this.access.requireContent(caseId);
		Map.Entry<String, Instant> closing = this.files.closing(caseId);
		return new CaseFile(found, this.lines.get(found.lineId()).name(), closing.getKey(), closing.getValue(),
				this.files.notes(caseId), this.files.referrals(caseId),
				this.services.ofLine(found.lineId()).stream().filter(SupportService::active).toList());
	}

	@Transactional
	public void addNote(long caseId, String text) {
		SafeguardingCase found = this.access.requireOpen(caseId);
		String note = required(text, 4000, "error.safeguarding.note-1-4000-characters");
		long id = this.files.addNote(caseId, CurrentUser.require().id(), note, now());
		this.audit.record(found.organisationId(), "SAFEGUARDING_NOTE_ADDED", "safeguarding_case", found.code(), Map.of("note", id));
	}

	/** Refers the case to one of its line's active services; without consent only when a life is at risk, saying why. */
	@Transactional
	public long refer(long caseId, long serviceId, Consent consent, String text) {
		SafeguardingCase found = this.access.requireOpen(caseId);
		SupportService service = this.services.get(serviceId);
		if (service.lineId() != found.lineId() || !service.active()) {
			throw new InvalidRequestException("error.safeguarding.choose-line-services");
		}
		if (consent == null) {
			throw new InvalidRequestException("error.safeguarding.say-whether-person-consented");
		}
		String note = consent == Consent.LIFE_AT_RISK ? required(text, 2000, "error.safeguarding.without-consent-life-risk")
				: optional(text, 2000);
		long id = this.files.refer(caseId, serviceId, CurrentUser.require().id(), consent, note, now());
		this.audit.record(found.organisationId(), "SAFEGUARDING_REFERRED", "safeguarding_case", found.code(),
				Map.of("referral", id, "service", serviceId, "consent", consent.name()));
		return id;
	}

	@Transactional
	public void followUp(long caseId, long referralId, ReferralStatus status, String text) {
		SafeguardingCase found = this.access.requireContent(caseId);
		if (this.files.caseOfReferral(referralId).filter(id -> id == caseId).isEmpty()) {
			throw new NotFoundException("error.missing.referral", referralId);
		}
		if (!found.isOpen()) {
			throw new InvalidRequestException("error.safeguarding.case-closed", found.code());
		}
		if (status == null) {
			throw new InvalidRequestException("error.safeguarding.choose-where-referral-stands");
		}
		this.files.followUp(referralId, CurrentUser.require().id(), status, optional(text, 2000), now());
		this.audit.record(found.organisationId(), "SAFEGUARDING_FOLLOWED_UP", "safeguarding_case", found.code(),
				Map.of("referral", referralId, "status", status.name()));
	}

	/** Closes the case with one of the outcomes; {@link Outcome#OTHER} says what in its note. */
	@Transactional
	public void close(long caseId, Outcome outcome, String text) {
		SafeguardingCase found = this.access.requireOpen(caseId);
		if (outcome == null) {
			throw new InvalidRequestException("error.safeguarding.choose-case-outcome");
		}
		String note = outcome == Outcome.OTHER ? required(text, 500, "error.safeguarding.another-outcome-say-which")
				: optional(text, 500);
		this.files.close(caseId, CurrentUser.require().id(), outcome, note, now());
		this.audit.record(found.organisationId(), "SAFEGUARDING_CLOSED", "safeguarding_case", found.code(),
				Map.of("outcome", outcome.name()));
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

	private static String required(String text, int max, String messageKey) {
		String value = optional(text, max);
		if (value == null) {
			throw new InvalidRequestException(messageKey);
		}
		return value;
	}

	private static String optional(String text, int max) {
		String value = text == null ? "" : text.strip();
		if (value.length() > max) {
			throw new InvalidRequestException("error.safeguarding.text-here-most-characters", max);
		}
		return value.isEmpty() ? null : value;
	}

}
