package org.linea.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.linea.admin.Line;
import org.linea.privacy.AuditLog;
import org.linea.shared.NotFoundException;
import org.linea.shared.crypto.KeyedHash;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who write in. Phone numbers and names are stored encrypted and found by keyed hash; each
 * contact gets a pseudonymous code per line. Revealing a number is an audited action.
 */
@Service
public class ContactService {

	/** How an erased person's number shows. */
	static final String ERASED = "—";

	private final JdbcClient jdbc;

	private final ContactKeys cipher;

	private final KeyedHash hash;

	private final AuditLog audit;

	private final Clock clock;

	ContactService(JdbcClient jdbc, ContactKeys cipher, KeyedHash hash, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.hash = hash;
		this.audit = audit;
		this.clock = clock;
	}

	/** Keyed hash of a phone number, the only form in which numbers are looked up. */
	public byte[] phoneHash(String e164) {
		return this.hash.hash(e164);
	}

	/**
	 * The line's contact for this number, created with the next code if new. Callers serialise work on
	 * one number (the inbound pipeline holds a lock per sender), so the insert does not race itself.
	 */
	@Transactional
	public Contact findOrCreate(Line line, String e164, String profileName) {
		byte[] phoneHash = phoneHash(e164);
		Optional<Contact> existing = find(line.id(), phoneHash);
		if (existing.isPresent()) {
			this.jdbc.sql("update contact_contact set last_seen_at = now() where id = ?").param(existing.get().id()).update();
			if (profileName != null && !profileName.isBlank()) {
				this.jdbc.sql("update contact_contact set name_encrypted = ? where id = ?")
					.params(this.cipher.encrypt(this.cipher.keyFor(line.id(), phoneHash), profileName.strip()), existing.get().id())
					.update();
			}
			return existing.get();
		}
		return create(line, e164, phoneHash, profileName, line.defaultLanguage());
	}

	/**
	 * The line's contact for a number brought in by an import (a list of people who consented
	 * elsewhere), created if new; the language given is theirs from now on. Their last contact is not
	 * touched: they did not write.
	 */
	@Transactional
	public Contact findOrCreateImported(Line line, String e164, String language) {
		byte[] phoneHash = phoneHash(e164);
		Optional<Contact> existing = find(line.id(), phoneHash);
		if (existing.isPresent()) {
			this.jdbc.sql("update contact_contact set language = ? where id = ?").params(language, existing.get().id()).update();
			return existing.get();
		}
		return create(line, e164, phoneHash, null, language);
	}

	private Contact create(Line line, String e164, byte[] phoneHash, String profileName, String language) {
		int year = Instant.now(this.clock).atZone(line.timeZone()).getYear();
		int correlative = this.jdbc.sql("""
				insert into contact_code_sequence (line_id, year, last_value) values (?, ?, 1)
				on conflict (line_id, year) do update set last_value = contact_code_sequence.last_value + 1
				returning last_value
				""").params(line.id(), year).query(Integer.class).single();
		String code = PseudonymousCode.of(year, line.countryCode(), correlative);
		long key = this.cipher.keyFor(line.id(), phoneHash);
		long id = this.jdbc.sql("""
				insert into contact_contact (line_id, code, phone_hash, phone_encrypted, name_encrypted, language)
				values (?, ?, ?, ?, ?, ?) returning id
				""")
			.params(line.id(), code, phoneHash, this.cipher.encrypt(key, e164),
					profileName == null || profileName.isBlank() ? null : this.cipher.encrypt(key, profileName.strip()),
					language)
			.query(Long.class)
			.single();
		return new Contact(id, line.id(), code, PhoneNumbers.mask(e164), language, null, true);
	}

	@Transactional(readOnly = true)
	public Optional<Contact> find(long lineId, byte[] phoneHash) {
		return this.jdbc.sql("select * from contact_contact where line_id = ? and phone_hash = ?")
			.params(lineId, phoneHash)
			.query(this::map)
			.optional();
	}

	/** The line's contact with this code, unless erased. */
	@Transactional(readOnly = true)
	public Optional<Contact> findByCode(long lineId, String code) {
		return this.jdbc.sql("select * from contact_contact where line_id = ? and code = ? and erased_at is null")
			.params(lineId, code)
			.query(this::map)
			.optional();
	}

	/** The keyed hash stored for the contact (null once erased), to find rows written before the contact existed. */
	@Transactional(readOnly = true)
	public byte[] storedPhoneHash(long contactId) {
		return this.jdbc.sql("select phone_hash from contact_contact where id = ?")
			.param(contactId)
			.query((rs, row) -> Optional.ofNullable(rs.getBytes(1)))
			.optional()
			.flatMap(hash -> hash)
			.orElse(null);
	}

	@Transactional(readOnly = true)
	public Contact get(long contactId) {
		return this.jdbc.sql("select * from contact_contact where id = ?")
			.param(contactId)
			.query(this::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("Contact " + contactId));
	}

	/**
	 * Whether the person may be written to for this purpose now: not opted out or erased, and their
	 * latest consent event for it, or a later one withdrawing everything (ALL_MESSAGES), is GIVEN.
	 * Audiences apply the same rule to many people at once in SQL ({@code AudienceService}).
	 */
	@Transactional(readOnly = true)
	public boolean consents(long contactId, String purpose) {
		return this.jdbc.sql("""
				select c.opted_out_at is null and c.erased_at is null
				    and coalesce((select e.event from contact_consent_event e where e.contact_id = c.id and e.purpose in (?, 'ALL_MESSAGES')
				                  order by e.occurred_at desc, e.id desc limit 1), '') = 'GIVEN'
				from contact_contact c where c.id = ?
				""").params(purpose, contactId).query(Boolean.class).optional().orElse(false);
	}

	/** The number to send to. For channels only: never shown, never logged. */
	@Transactional(readOnly = true)
	public String addressOf(long contactId) {
		return this.jdbc.sql("select phone_encrypted from contact_contact where id = ? and phone_encrypted is not null")
			.param(contactId)
			.query((rs, row) -> this.cipher.decryptToString(rs.getBytes(1)))
			.optional()
			.orElseThrow(() -> new NotFoundException("Contact " + contactId));
	}

	/**
	 * Shows a staff member the full number and profile name, and writes that they saw it: where, and
	 * the reason they gave.
	 */
	@Transactional
	public RevealedIdentity reveal(long contactId, Long organisationId, String where, String reason) {
		RevealedIdentity identity = this.jdbc.sql("select code, line_id, phone_encrypted, name_encrypted from contact_contact where id = ? and erased_at is null")
			.param(contactId)
			.query((rs, row) -> new RevealedIdentity(rs.getString("code"), this.cipher.decryptToString(rs.getBytes("phone_encrypted")),
					this.cipher.decryptToString(rs.getBytes("name_encrypted"))))
			.optional()
			.orElseThrow(() -> new NotFoundException("Contact " + contactId));
		this.audit.record(organisationId, "CONTACT_REVEALED", "contact", Long.toString(contactId),
				Map.of("code", identity.code(), "where", where, "reason", reason));
		return identity;
	}

	/** Records that the person asked to receive nothing more; the ledger keeps the event. */
	@Transactional
	public void optOut(long contactId, String keyword) {
		this.jdbc.sql("update contact_contact set opted_out_at = coalesce(opted_out_at, ?) where id = ?")
			.params(Timestamp.from(Instant.now(this.clock)), contactId)
			.update();
		this.jdbc.sql("""
				insert into contact_consent_event (contact_id, purpose, event, wording_version, source)
				values (?, 'ALL_MESSAGES', 'WITHDRAWN', null, ?)
				""").params(contactId, "keyword:" + keyword).update();
	}

	/** Adds an event to the person's consent ledger and returns its id. */
	@Transactional
	public long recordConsent(long contactId, String purpose, ConsentEvent event, String wordingVersion, String source) {
		return recordConsent(contactId, purpose, event, wordingVersion, source, Instant.now(this.clock));
	}

	/** Adds an event that happened at the given time (e.g. consent given on a paper form) to the ledger. */
	@Transactional
	public long recordConsent(long contactId, String purpose, ConsentEvent event, String wordingVersion, String source,
			Instant occurredAt) {
		return this.jdbc.sql("""
				insert into contact_consent_event (contact_id, purpose, event, wording_version, source, occurred_at)
				values (?, ?, ?, ?, ?, ?) returning id
				""").params(contactId, purpose, event.name(), wordingVersion, source, Timestamp.from(occurredAt)).query(Long.class).single();
	}

	/** The latest consent event per purpose, e.g. DEMOGRAPHICS -> GIVEN. */
	@Transactional(readOnly = true)
	public Map<String, ConsentEvent> currentConsent(long contactId) {
		Map<String, ConsentEvent> current = new TreeMap<>();
		this.jdbc.sql("""
				select distinct on (purpose) purpose, event from contact_consent_event
				where contact_id = ? order by purpose, occurred_at desc, id desc
				""").param(contactId).query((rs, row) -> current.put(rs.getString(1), ConsentEvent.valueOf(rs.getString(2)))).list();
		return current;
	}

	/**
	 * Keeps one demographic answer the person consented to give ({@code gender}, {@code age_range},
	 * {@code location} or {@code migrant_status}); "prefer not to say" is an answer too.
	 */
	@Transactional
	public void saveDemographic(long contactId, Demographic field, String value, long consentEventId) {
		this.jdbc.sql("insert into contact_demographics (contact_id, consent_event_id) values (?, ?) on conflict (contact_id) do nothing")
			.params(contactId, consentEventId)
			.update();
		this.jdbc.sql("update contact_demographics set " + field.column() + " = ?, consent_event_id = ?, updated_at = now() where contact_id = ?")
			.params(value, consentEventId, contactId)
			.update();
	}

	@Transactional(readOnly = true)
	public Map<Demographic, String> demographics(long contactId) {
		Map<Demographic, String> values = new EnumMap<>(Demographic.class);
		this.jdbc.sql("select gender, age_range, location, migrant_status from contact_demographics where contact_id = ?")
			.param(contactId)
			.query((rs, row) -> {
				for (Demographic field : Demographic.values()) {
					if (rs.getString(field.column()) != null) {
						values.put(field, rs.getString(field.column()));
					}
				}
				return values;
			})
			.list();
		return values;
	}

	private Contact map(ResultSet rs, int row) throws SQLException {
		Timestamp optedOut = rs.getTimestamp("opted_out_at");
		byte[] phone = rs.getBytes("phone_encrypted");
		return new Contact(rs.getLong("id"), rs.getLong("line_id"), rs.getString("code"),
				phone == null ? ERASED : PhoneNumbers.mask(this.cipher.decryptToString(phone)), rs.getString("language"),
				optedOut == null ? null : optedOut.toInstant(), false);
	}

}
