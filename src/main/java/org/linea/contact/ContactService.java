package org.linea.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.linea.access.Line;
import org.linea.access.AuditLog;
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
		return findOrCreate(line, e164, null, profileName);
	}

	/**
	 * The line's contact for this sender, created with the next code if new. {@code address} is the
	 * number, or the WhatsApp business-scoped user id (BSUID) when Meta withholds the number;
	 * {@code bsuid} is the BSUID when the webhook carried one. A person stays one contact with one code
	 * whichever of the two Meta shows: a contact first known by BSUID gains the number when Meta shows
	 * it, and one known by number is found by the BSUID seen beside it before.
	 */
	@Transactional
	public Contact findOrCreate(Line line, String address, String bsuid, String profileName) {
		byte[] addressHash = phoneHash(address);
		byte[] bsuidHash = bsuid == null || bsuid.isBlank() ? null : phoneHash(bsuid);
		Optional<Contact> existing = find(line.id(), addressHash);
		if (existing.isEmpty() && bsuidHash != null) {
			existing = findByBsuid(line.id(), bsuidHash);
			if (existing.isPresent() && !address.equals(bsuid)) {
				// known by BSUID until now, Meta shows the number: the number becomes the address
				this.jdbc.sql("update contact_contact set phone_hash = ?, phone_encrypted = ? where id = ?")
					.params(addressHash, this.cipher.encrypt(this.cipher.keyFor(line.id(), addressHash), address), existing.get().id())
					.update();
			}
		}
		if (existing.isPresent()) {
			long id = existing.get().id();
			this.jdbc.sql("update contact_contact set last_seen_at = now() where id = ?").param(id).update();
			if (bsuidHash != null) {
				this.jdbc.sql("update contact_contact set bsuid_hash = ?, bsuid_encrypted = ? where id = ? and bsuid_hash is distinct from ?")
					.params(bsuidHash, this.cipher.encrypt(this.cipher.keyFor(line.id(), bsuidHash), bsuid), id, bsuidHash)
					.update();
			}
			if (profileName != null && !profileName.isBlank()) {
				this.jdbc.sql("update contact_contact set name_encrypted = ? where id = ?")
					.params(this.cipher.encrypt(this.cipher.keyFor(line.id(), addressHash), profileName.strip()), id)
					.update();
			}
			return find(line.id(), addressHash).or(() -> findByBsuid(line.id(), bsuidHash)).orElseThrow();
		}
		return create(line, address, addressHash, profileName, line.defaultLanguage(), bsuid, bsuidHash);
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
		return create(line, e164, phoneHash, null, language, null, null);
	}

	private Contact create(Line line, String address, byte[] addressHash, String profileName, String language, String bsuid,
			byte[] bsuidHash) {
		int year = Instant.now(this.clock).atZone(line.timeZone()).getYear();
		int correlative = this.jdbc.sql("""
				insert into contact_code_sequence (line_id, year, last_value) values (?, ?, 1)
				on conflict (line_id, year) do update set last_value = contact_code_sequence.last_value + 1
				returning last_value
				""").params(line.id(), year).query(Integer.class).single();
		String code = PseudonymousCode.of(year, line.countryCode(), correlative);
		long key = this.cipher.keyFor(line.id(), addressHash);
		long id = this.jdbc.sql("""
				insert into contact_contact (line_id, code, phone_hash, phone_encrypted, name_encrypted, language, bsuid_hash, bsuid_encrypted)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(line.id(), code, addressHash, this.cipher.encrypt(key, address),
					profileName == null || profileName.isBlank() ? null : this.cipher.encrypt(key, profileName.strip()),
					language, bsuidHash, bsuidHash == null ? null : this.cipher.encrypt(key, bsuid))
			.query(Long.class)
			.single();
		return new Contact(id, line.id(), code, PhoneNumbers.mask(address), language, null, PhoneUse.UNKNOWN, true);
	}

	private Optional<Contact> findByBsuid(long lineId, byte[] bsuidHash) {
		return this.jdbc.sql("select * from contact_contact where line_id = ? and bsuid_hash = ?")
			.params(lineId, bsuidHash)
			.query(this::map)
			.optional();
	}

	/**
	 * The keyed hashes a contact's messages may be stored under: their number's and, if Meta ever gave
	 * one, their BSUID's (a message from a person whose number Meta withheld is stored under the BSUID).
	 */
	@Transactional(readOnly = true)
	public List<byte[]> senderHashes(long contactId) {
		return this.jdbc.sql("select phone_hash, bsuid_hash from contact_contact where id = ?")
			.param(contactId)
			.query((rs, row) -> java.util.stream.Stream.of(rs.getBytes(1), rs.getBytes(2))
				.filter(java.util.Objects::nonNull)
				.toList())
			.optional()
			.orElse(List.of());
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
			.orElseThrow(() -> new NotFoundException("error.missing.contact", contactId));
	}

	/**
	 * Whether the person may be written to for this purpose now: not opted out or erased, and their
	 * latest consent event for it, or a later one withdrawing everything (ALL_MESSAGES), is GIVEN.
	 * Audiences apply the same rule to many people at once in SQL ({@code AudienceService}).
	 */
	@Transactional(readOnly = true)
	public boolean consents(long contactId, String purpose) {
		return consenting(List.of(contactId), purpose).contains(contactId);
	}

	/**
	 * Of these people, those who may be written to for this purpose now, by the rule of
	 * {@link #consents(long, String)}, in one query (the outbox checks a round of a campaign at once).
	 * @param purpose null for a service message (e.g. a closing line's last message): only an opt-out or
	 * erasure stops it
	 */
	@Transactional(readOnly = true)
	public java.util.Set<Long> consenting(java.util.Collection<Long> contactIds, String purpose) {
		if (contactIds.isEmpty()) {
			return java.util.Set.of();
		}
		Long[] ids = contactIds.toArray(Long[]::new);
		List<Long> consenting = purpose == null
				? this.jdbc.sql("select id from contact_contact where id = any(?) and opted_out_at is null and erased_at is null")
					.param(ids)
					.query(Long.class)
					.list()
				: this.jdbc.sql("""
						select c.id from contact_contact c
						where c.id = any(?) and c.opted_out_at is null and c.erased_at is null
						  and coalesce((select e.event from contact_consent_event e where e.contact_id = c.id and e.purpose in (?, 'ALL_MESSAGES')
						                order by e.occurred_at desc, e.id desc limit 1), '') = 'GIVEN'
						""").params(ids, purpose).query(Long.class).list();
		return java.util.Set.copyOf(consenting);
	}

	/**
	 * The numbers to send to, by person, in one query; people without one are left out. For channels
	 * only: never shown, never logged.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> addressesOf(java.util.Collection<Long> contactIds) {
		if (contactIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> addresses = new java.util.HashMap<>();
		this.jdbc.sql("select id, phone_encrypted from contact_contact where id = any(?) and phone_encrypted is not null")
			.param(contactIds.toArray(Long[]::new))
			.query(rs -> {
				addresses.put(rs.getLong(1), this.cipher.decryptToString(rs.getBytes(2)));
			});
		return addresses;
	}

	/** The number to send to. For channels only: never shown, never logged. */
	@Transactional(readOnly = true)
	public String addressOf(long contactId) {
		return this.jdbc.sql("select phone_encrypted from contact_contact where id = ? and phone_encrypted is not null")
			.param(contactId)
			.query((rs, row) -> this.cipher.decryptToString(rs.getBytes(1)))
			.optional()
			.orElseThrow(() -> new NotFoundException("error.missing.contact", contactId));
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
			.orElseThrow(() -> new NotFoundException("error.missing.contact", contactId));
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
		return recordConsent(contactId, null, purpose, event, wordingVersion, source);
	}

	/**
	 * Adds an event to the person's consent ledger, given in this interaction, and returns its id. On a
	 * shared phone only the events of the same interaction count for its demographics.
	 */
	@Transactional
	public long recordConsent(long contactId, Long conversationId, String purpose, ConsentEvent event, String wordingVersion,
			String source) {
		return recordConsent(contactId, conversationId, purpose, event, wordingVersion, source, Instant.now(this.clock));
	}

	/** Adds an event that happened at the given time (e.g. consent given on a paper form) to the ledger. */
	@Transactional
	public long recordConsent(long contactId, String purpose, ConsentEvent event, String wordingVersion, String source,
			Instant occurredAt) {
		return recordConsent(contactId, null, purpose, event, wordingVersion, source, occurredAt);
	}

	private long recordConsent(long contactId, Long conversationId, String purpose, ConsentEvent event, String wordingVersion,
			String source, Instant occurredAt) {
		return this.jdbc.sql("""
				insert into contact_consent_event (contact_id, conversation_id, purpose, event, wording_version, source, occurred_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id
				""").params(contactId, conversationId, purpose, event.name(), wordingVersion, source, Timestamp.from(occurredAt))
			.query(Long.class)
			.single();
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
	 * Keeps one demographic answer the person consented to give in this interaction ({@code gender},
	 * {@code age_range}, {@code location} or {@code migrant_status}); "prefer not to say" is an answer
	 * too. On the person's own phone the answer is the number's; on a shared phone it stays with the
	 * interaction and is not carried to the next person writing from it.
	 */
	@Transactional
	public void saveDemographic(long contactId, long conversationId, Demographic field, String value, long consentEventId) {
		if (isShared(contactId)) {
			this.jdbc.sql("""
					insert into contact_interaction_demographics (conversation_id, contact_id, consent_event_id) values (?, ?, ?)
					on conflict (conversation_id) do nothing""").params(conversationId, contactId, consentEventId).update();
			this.jdbc.sql("update contact_interaction_demographics set " + field.column()
					+ " = ?, consent_event_id = ?, updated_at = now() where conversation_id = ?")
				.params(value, consentEventId, conversationId)
				.update();
			return;
		}
		saveDemographic(contactId, field, value, consentEventId);
	}

	/**
	 * Keeps a demographic answer as the number's, given outside any interaction (a programme's
	 * enrolment brought in by an import).
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
		return demographicsIn("contact_demographics where contact_id = ?", contactId);
	}

	/**
	 * The demographics that may be recorded with this interaction: nothing without consent. On the
	 * person's own phone, their latest consent and answers; on a shared phone, only the consent and
	 * answers given in this same interaction.
	 */
	@Transactional(readOnly = true)
	public Map<Demographic, String> consentedDemographics(long contactId, long conversationId) {
		if (!isShared(contactId)) {
			return currentConsent(contactId).get("DEMOGRAPHICS") == ConsentEvent.GIVEN ? demographics(contactId) : Map.of();
		}
		boolean given = this.jdbc.sql("""
				select event from contact_consent_event where contact_id = ? and conversation_id = ? and purpose = 'DEMOGRAPHICS'
				order by occurred_at desc, id desc limit 1""").params(contactId, conversationId).query(String.class).optional()
			.filter(ConsentEvent.GIVEN.name()::equals)
			.isPresent();
		return given ? demographicsIn("contact_interaction_demographics where conversation_id = ?", conversationId) : Map.of();
	}

	/** Whether several people write from the contact's number ({@link Contact#shared()}), for callers holding only an id. */
	@Transactional(readOnly = true)
	public boolean isShared(long contactId) {
		return this.jdbc.sql("select phone_use = 'SHARED' from contact_contact where id = ?").param(contactId).query(Boolean.class)
			.optional()
			.orElse(false);
	}

	private Map<Demographic, String> demographicsIn(String fromWhere, long id) {
		Map<Demographic, String> values = new EnumMap<>(Demographic.class);
		this.jdbc.sql("select gender, age_range, location, migrant_status from " + fromWhere)
			.param(id)
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
				optedOut == null ? null : optedOut.toInstant(), PhoneUse.valueOf(rs.getString("phone_use")), false);
	}

}
