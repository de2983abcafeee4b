package org.linea.contact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.linea.personaldata.DataSubject;
import org.linea.personaldata.DataTypes;
import org.linea.personaldata.PersonalDataHolder;
import org.linea.personaldata.RetentionTarget;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The contact's own data: number and profile name (encrypted, found by keyed hash), whether the phone
 * is shared, consent ledger and demographics (the number's, and each interaction's on a shared phone). Erasing leaves a tombstone row (code and dates) whose number finds nobody, so the next
 * message from that number starts a new contact.
 */
@Component
class ContactPersonalData implements PersonalDataHolder, RetentionTarget {

	private final JdbcClient jdbc;

	private final ContactKeys keys;

	private final ApplicationEventPublisher events;

	ContactPersonalData(JdbcClient jdbc, ContactKeys keys, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.events = events;
	}

	@Override
	public String section() {
		return "contact";
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public Object export(DataSubject subject) {
		Map<String, Object> contact = new LinkedHashMap<>();
		this.jdbc.sql("""
				select phone_encrypted, name_encrypted, language, created_at, last_seen_at, opted_out_at, phone_use, phone_use_source
				from contact_contact where id = ?""")
			.param(subject.contactId())
			.query((rs, n) -> {
				contact.put("phone", this.keys.decryptToString(rs.getBytes(1)));
				contact.put("profileName", this.keys.decryptToString(rs.getBytes(2)));
				contact.put("language", rs.getString(3));
				contact.put("firstSeen", rs.getTimestamp(4).toInstant().toString());
				contact.put("lastSeen", rs.getTimestamp(5).toInstant().toString());
				contact.put("optedOut", rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant().toString());
				contact.put("phoneUse", rs.getString(7));
				contact.put("phoneUseSaidBy", rs.getString(8));
				return contact;
			})
			.list();
		contact.put("consent", this.jdbc.sql("""
				select purpose, event, wording_version, source, occurred_at, conversation_id from contact_consent_event
				where contact_id = ? order by occurred_at, id
				""").param(subject.contactId()).query((rs, n) -> {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("purpose", rs.getString(1));
			event.put("event", rs.getString(2));
			event.put("wordingVersion", rs.getString(3));
			event.put("source", rs.getString(4));
			event.put("at", rs.getTimestamp(5).toInstant().toString());
			event.put("conversation", rs.getObject(6));
			return event;
		}).list());
		List<Map<String, Object>> demographics = demographics("contact_demographics", subject.contactId());
		contact.put("demographics", demographics.isEmpty() ? null : demographics.getFirst());
		contact.put("demographicsPerInteraction", demographics("contact_interaction_demographics", subject.contactId()));
		return contact;
	}

	private List<Map<String, Object>> demographics(String table, long contactId) {
		boolean perInteraction = table.equals("contact_interaction_demographics");
		return this.jdbc.sql("select * from " + table + " where contact_id = ?" + (perInteraction ? " order by conversation_id" : ""))
			.param(contactId)
			.query((rs, n) -> {
				Map<String, Object> values = new LinkedHashMap<>();
				if (perInteraction) {
					values.put("conversation", rs.getLong("conversation_id"));
				}
				for (Demographic field : Demographic.values()) {
					values.put(field.column(), rs.getString(field.column()));
				}
				values.put("updatedAt", rs.getTimestamp("updated_at").toInstant().toString());
				return values;
			})
			.list();
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		int demographics = this.jdbc.sql("delete from contact_demographics where contact_id = ?").param(subject.contactId()).update()
				+ this.jdbc.sql("delete from contact_interaction_demographics where contact_id = ?").param(subject.contactId()).update();
		int identifiers = tombstone(List.of(subject.contactId()));
		return Map.of(DataTypes.IDENTIFIERS, identifiers, "demographics", demographics);
	}

	@Override
	public String dataType() {
		return DataTypes.IDENTIFIERS;
	}

	@Override
	public int count(long lineId, Instant before) {
		return this.jdbc.sql("select count(*) from contact_contact where line_id = ? and erased_at is null and last_seen_at < ?")
			.params(lineId, Timestamp.from(before))
			.query(Integer.class)
			.single();
	}

	@Override
	public int erase(long lineId, Instant before) {
		List<Long> ids = this.jdbc.sql("select id from contact_contact where line_id = ? and erased_at is null and last_seen_at < ?")
			.params(lineId, Timestamp.from(before))
			.query(Long.class)
			.list();
		return tombstone(ids);
	}

	private int tombstone(List<Long> contactIds) {
		int erased = 0;
		for (long id : contactIds) {
			Optional<Identity> identity = this.jdbc.sql("select line_id, phone_hash, bsuid_hash from contact_contact where id = ? and erased_at is null for update")
				.param(id)
				.query((rs, n) -> new Identity(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)))
				.optional();
			if (identity.isEmpty()) {
				continue;
			}
			this.keys.destroy(identity.get().lineId(), identity.get().phoneHash());
			this.keys.destroy(identity.get().lineId(), identity.get().bsuidHash());
			this.jdbc.sql("""
					update contact_contact set phone_hash = null, phone_encrypted = null, name_encrypted = null, bsuid_hash = null,
					    bsuid_encrypted = null, erased_at = now() where id = ?
					""")
				.param(id)
				.update();
			this.events.publishEvent(new ContactErased(id, identity.get().lineId()));
			erased++;
		}
		return erased;
	}

	private record Identity(long lineId, byte[] phoneHash, byte[] bsuidHash) {
	}

}
