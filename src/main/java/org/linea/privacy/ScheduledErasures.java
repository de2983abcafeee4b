package org.linea.privacy;

import org.linea.access.AuditLog;
import org.linea.personaldata.PendingDeliveries;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.linea.access.Permission;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.contact.Contact;
import org.linea.contact.ContactService;
import org.linea.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Erasures people asked for: done by the erasure task, or confirmed or turned down by a coordinator. */
@Service
public class ScheduledErasures {

	private final SubjectRequests requests;

	private final ContactService contacts;

	private final LineService lines;

	private final PendingDeliveries deliveries;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	ScheduledErasures(SubjectRequests requests, ContactService contacts, LineService lines, PendingDeliveries deliveries,
			AuditLog audit, JdbcClient jdbc, Clock clock) {
		this.requests = requests;
		this.contacts = contacts;
		this.lines = lines;
		this.deliveries = deliveries;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Run by the task: erases once nothing is left to send to the person (else fails, to be retried). */
	@Transactional
	void erase(long contactId) {
		if (this.deliveries.hasUnsent(contactId)) {
			throw new IllegalStateException("Messages to contact " + contactId + " are still being sent");
		}
		Contact contact = this.contacts.get(contactId);
		if (this.contacts.findByCode(contact.lineId(), contact.code()).isPresent()) {
			this.requests.eraseContact(this.lines.get(contact.lineId()), contact, "PERSON");
		}
	}

	/** Requests waiting for a coordinator of the line, oldest first. */
	@Transactional(readOnly = true)
	public List<Request> pending(String lineKey) {
		Line line = this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
		return this.jdbc.sql("select id, contact_code, requested_at from privacy_erasure_request where line_id = ? and status = 'PENDING' order by id")
			.param(line.id())
			.query((rs, n) -> new Request(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	/** A coordinator confirms: the person is erased now. */
	@Transactional
	public SubjectRequests.Erasure confirm(String lineKey, long requestId) {
		Line line = this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
		long contactId = decide(line, requestId, "SCHEDULED");
		Contact contact = this.contacts.get(contactId);
		return this.requests.eraseContact(line, contact, "PERSON");
	}

	/** A coordinator turns the request down (e.g. it did not come from the person); audited. */
	@Transactional
	public void reject(String lineKey, long requestId) {
		Line line = this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
		long contactId = decide(line, requestId, "REJECTED");
		this.audit.record(line.organisationId(), "ERASURE_REQUEST_REJECTED", "contact", Long.toString(contactId), Map.of("request", requestId));
	}

	private long decide(Line line, long requestId, String status) {
		return this.jdbc.sql("""
				update privacy_erasure_request set status = ?, decided_at = ?, decided_by = ?
				where id = ? and line_id = ? and status = 'PENDING' returning contact_id
				""")
			.params(status, Timestamp.from(Instant.now(this.clock)), CurrentUser.require().id(), requestId, line.id())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("error.missing.erasure-request", requestId));
	}

	public record Request(long id, String code, Instant requestedAt) {
	}

}
