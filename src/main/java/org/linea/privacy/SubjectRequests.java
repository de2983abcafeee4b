package org.linea.privacy;

import org.linea.access.AuditLog;
import org.linea.access.AuditEntry;
import org.linea.personaldata.DataSubject;
import org.linea.personaldata.PersonalDataHolder;
import org.linea.personaldata.PersonalDataErased;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.linea.access.Permission;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.LineaUser;
import org.linea.contact.Contact;
import org.linea.contact.ContactService;
import org.linea.contact.PhoneNumbers;
import org.linea.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests of one person about their data: find them by number, export everything held about them,
 * erase them everywhere. Staff requests need an administrator or coordinator of the line; every
 * step is audited. The modules' {@link PersonalDataHolder}s do the work on their own tables.
 */
@Service
public class SubjectRequests {

	private static final Logger log = LoggerFactory.getLogger(SubjectRequests.class);

	private final List<PersonalDataHolder> holders;

	private final LineService lines;

	private final ContactService contacts;

	private final SubjectConversations conversations;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubjectRequests(List<PersonalDataHolder> holders, LineService lines, ContactService contacts,
			SubjectConversations conversations, AuditLog audit, JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events,
			Clock clock) {
		this.events = events;
		this.json = json;
		this.holders = holders.stream().sorted(Comparator.comparingInt(PersonalDataHolder::order)).toList();
		this.lines = lines;
		this.contacts = contacts;
		this.conversations = conversations;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The person writing from this number to the line, by code; 404 when nobody (or only erased people). */
	@Transactional
	public ContactSummary lookup(String lineKey, String phone) {
		Line line = staffLine(lineKey);
		String e164 = PhoneNumbers.normalise(phone);
		Contact contact = this.contacts.find(line.id(), this.contacts.phoneHash(e164))
			.orElseThrow(() -> new NotFoundException("error.missing.contact-number"));
		this.audit.record(line.organisationId(), "CONTACT_LOOKED_UP", "contact", Long.toString(contact.id()), Map.of("code", contact.code()));
		return summary(line, contact);
	}

	/** The person's page: who they are by code, without their number. */
	@Transactional
	public ContactSummary summary(String lineKey, String code) {
		Line line = staffLine(lineKey);
		Contact contact = contact(line, code);
		this.audit.record(line.organisationId(), "CONTACT_VIEWED", "contact", Long.toString(contact.id()), Map.of("code", code));
		return summary(line, contact);
	}

	/** Everything held about the person, section by section, and who saw their data when. */
	@Transactional
	public Map<String, Object> export(String lineKey, String code) {
		Line line = staffLine(lineKey);
		Contact contact = contact(line, code);
		DataSubject subject = subject(line, contact);
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("code", contact.code());
		export.put("line", line.key());
		export.put("exportedAt", Instant.now(this.clock).toString());
		for (PersonalDataHolder holder : this.holders) {
			export.put(holder.section(), holder.export(subject));
		}
		List<AuditEntry> accesses = new ArrayList<>(this.audit.about("contact", List.of(Long.toString(contact.id()))));
		accesses.addAll(this.audit.about("conversation", subject.conversationIds().stream().map(String::valueOf).toList()));
		accesses.sort(Comparator.comparing(AuditEntry::occurredAt));
		export.put("accesses", accesses.stream().map(entry -> Map.of("at", entry.occurredAt().toString(), "by", entry.username(),
				"action", entry.action())).toList());
		this.audit.record(line.organisationId(), "CONTACT_EXPORTED", "contact", Long.toString(contact.id()), Map.of("code", code));
		return export;
	}

	/** Erases the person everywhere; a tombstone keeps the code, the time and who. */
	@Transactional
	public Erasure erase(String lineKey, String code) {
		Line line = staffLine(lineKey);
		return eraseContact(line, contact(line, code), "STAFF");
	}

	Erasure eraseContact(Line line, Contact contact, String requestedBy) {
		DataSubject subject = subject(line, contact);
		Map<String, Integer> erased = new TreeMap<>();
		for (PersonalDataHolder holder : this.holders) {
			holder.erase(subject).forEach((type, count) -> erased.merge(type, count, Integer::sum));
		}
		LineaUser user = CurrentUser.find().orElse(null);
		String by = user == null ? "system" : user.getUsername();
		Instant at = Instant.now(this.clock);
		this.jdbc.sql("""
				insert into privacy_erasure (line_id, contact_code, requested_by, erased_at, erased_by, erased_by_name, erased)
				values (?, ?, ?, ?, ?, ?, ?::jsonb)
				""")
			.params(line.id(), contact.code(), requestedBy, Timestamp.from(at), user == null ? null : user.id(), by,
					toJson(erased))
			.update();
		this.jdbc.sql("update privacy_erasure_request set status = 'DONE', decided_at = coalesce(decided_at, ?) where contact_id = ? and status in ('PENDING', 'SCHEDULED')")
			.params(Timestamp.from(at), contact.id())
			.update();
		this.audit.record(line.organisationId(), "CONTACT_ERASED", "contact", Long.toString(contact.id()),
				Map.of("code", contact.code(), "requestedBy", requestedBy, "erased", erased));
		this.events.publishEvent(new PersonalDataErased(line.id()));
		log.info("Erased contact={} line={} erased={}", contact.code(), line.key(), erased);
		return new Erasure(contact.code(), at, by, erased);
	}

	/** Tombstones of the line's erased people, newest first. */
	@Transactional(readOnly = true)
	public List<Erasure> erasures(String lineKey) {
		Line line = staffLine(lineKey);
		return this.jdbc.sql("select contact_code, erased_at, erased_by_name, erased::text from privacy_erasure where line_id = ? order by id desc limit 100")
			.param(line.id())
			.query((rs, n) -> new Erasure(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), fromJson(rs.getString(4))))
			.list();
	}

	private DataSubject subject(Line line, Contact contact) {
		return new DataSubject(contact.id(), line.id(), contact.code(), this.contacts.storedPhoneHash(contact.id()),
				this.conversations.of(contact.id()), this.contacts.senderHashes(contact.id()));
	}

	private ContactSummary summary(Line line, Contact contact) {
		return new ContactSummary(contact.code(), line.key(), contact.maskedPhone(), contact.language(), contact.optedOut(),
				this.conversations.of(contact.id()).size());
	}

	private Contact contact(Line line, String code) {
		return this.contacts.findByCode(line.id(), code)
			.orElseThrow(() -> new NotFoundException("error.missing.contact", code));
	}

	private Line staffLine(String lineKey) {
		return this.lines.requireAccess(lineKey, Permission.PRIVACY_MANAGE);
	}

	private String toJson(Map<String, Integer> counts) {
		return this.json.writeValueAsString(counts);
	}

	private Map<String, Integer> fromJson(String text) {
		return new TreeMap<>(this.json.readValue(text, new TypeReference<Map<String, Integer>>() {
		}));
	}

	/** A person as a data-subject request shows them: by code, with the number masked. */
	public record ContactSummary(String code, String line, String maskedPhone, String language, boolean optedOut,
			int conversations) {
	}

	/** What an erasure left: the tombstone. */
	public record Erasure(String code, Instant erasedAt, String erasedBy, Map<String, Integer> erased) {
	}

}
