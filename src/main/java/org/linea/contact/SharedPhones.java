package org.linea.contact;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.linea.access.AuditLog;
import org.linea.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shared (community) phones: marking a number as the person's own or as shared, by an operator or by
 * the person, and what other modules need to treat a shared phone right. Every mark is audited.
 * <p>
 * When a number becomes shared, the demographics kept for it move to the interaction they were given
 * in (when the ledger knows it) and stop being the number's: the next person writing from that phone
 * is asked again, and the feedback record of each interaction carries only what was said in it.
 */
@Service
public class SharedPhones {

	/** Who marked the number. */
	public enum Source {

		OPERATOR, PERSON

	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	SharedPhones(JdbcClient jdbc, AuditLog audit, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Records whether the contact's number is the person's own or shared. The caller has checked that
	 * the current user (or the person, for {@link Source#PERSON}) may; {@code where} says from which page
	 * or flow, for the audit entry.
	 */
	@Transactional
	public void mark(long contactId, PhoneUse use, Source source, Long organisationId, String where) {
		if (use == PhoneUse.UNKNOWN) {
			throw new IllegalArgumentException("A number is marked as own or shared");
		}
		String code = this.jdbc.sql("select code from contact_contact where id = ? and erased_at is null for update")
			.param(contactId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("error.missing.contact", contactId));
		this.jdbc.sql("update contact_contact set phone_use = ?, phone_use_source = ?, phone_use_at = ? where id = ?")
			.params(use.name(), source.name(), Timestamp.from(Instant.now(this.clock)), contactId)
			.update();
		if (use == PhoneUse.SHARED) {
			keepDemographicsWithTheirInteraction(contactId);
		}
		this.audit.record(organisationId, "PHONE_USE_MARKED", "contact", Long.toString(contactId),
				Map.of("code", code, "use", use.name(), "source", source.name(), "where", where));
	}

	/** How the contact's number is used (UNKNOWN until someone says). */
	@Transactional(readOnly = true)
	public PhoneUse use(long contactId) {
		return this.jdbc.sql("select phone_use from contact_contact where id = ?")
			.param(contactId)
			.query((rs, n) -> PhoneUse.valueOf(rs.getString(1)))
			.optional()
			.orElseThrow(() -> new NotFoundException("error.missing.contact", contactId));
	}

	/** Of these contacts, those whose number is shared: for a broadcast deciding over many recipients at once. */
	@Transactional(readOnly = true)
	public Set<Long> sharedAmong(Collection<Long> contactIds) {
		if (contactIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc.sql("select id from contact_contact where id = any(?) and phone_use = 'SHARED'")
			.param(contactIds.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	/**
	 * The sentence a broadcast to a shared phone begins with, in the recipient's language: that the
	 * message goes to a phone several people use, so whoever reads it knows it may be meant for someone
	 * else. Exists in every language a line can speak.
	 */
	public String broadcastNotice(Locale language) {
		return this.messages.getMessage("contact.sharedPhone.broadcastNotice", null, language);
	}

	private void keepDemographicsWithTheirInteraction(long contactId) {
		this.jdbc.sql("""
				insert into contact_interaction_demographics (conversation_id, contact_id, gender, age_range, location, migrant_status,
				    consent_event_id, updated_at)
				select e.conversation_id, d.contact_id, d.gender, d.age_range, d.location, d.migrant_status, d.consent_event_id, d.updated_at
				from contact_demographics d join contact_consent_event e on e.id = d.consent_event_id
				where d.contact_id = ? and e.conversation_id is not null
				on conflict (conversation_id) do nothing
				""").param(contactId).update();
		this.jdbc.sql("delete from contact_demographics where contact_id = ?").param(contactId).update();
	}

}
