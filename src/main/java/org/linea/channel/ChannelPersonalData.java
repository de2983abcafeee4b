package org.linea.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.linea.contact.ContactErased;
import org.linea.personaldata.DataSubject;
import org.linea.personaldata.DataTypes;
import org.linea.personaldata.PendingDeliveries;
import org.linea.personaldata.PersonalDataHolder;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's data in the channel's tables: what they sent as providers delivered it (found by the
 * keyed hash of their number), their media, and what the outbox sent them.
 */
@Component
class ChannelPersonalData implements PersonalDataHolder, PendingDeliveries {

	private final JdbcClient jdbc;

	ChannelPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "deliveries";
	}

	@Override
	public Object export(DataSubject subject) {
		Map<String, Object> deliveries = new LinkedHashMap<>();
		deliveries.put("received", subject.senderHashes().stream().flatMap(sender -> this.jdbc.sql("""
				select provider_message_id, kind, received_at, media_ref from channel_inbound_message
				where line_id = ? and sender_hash = ? order by id
				""").params(subject.lineId(), sender).query((rs, n) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("providerMessageId", rs.getString(1));
			row.put("kind", rs.getString(2));
			row.put("receivedAt", rs.getTimestamp(3).toInstant().toString());
			row.put("media", rs.getString(4));
			return row;
		}).list().stream()).toList());
		deliveries.put("sent", this.jdbc.sql("""
				select status, created_at, sent_at from channel_outbox where contact_id = ? order by id
				""").param(subject.contactId()).query((rs, n) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("status", rs.getString(1));
			row.put("createdAt", rs.getTimestamp(2).toInstant().toString());
			row.put("sentAt", rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant().toString());
			return row;
		}).list());
		return deliveries;
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		int media = 0;
		int payloads = 0;
		int texts = 0;
		int identifiers = 0;
		for (byte[] sender : subject.senderHashes()) {
			media += this.jdbc.sql("""
					update channel_media set data_encrypted = null, status = 'FAILED', last_error = 'ERASED'
					where id in (select substring(media_ref from 7)::bigint from channel_inbound_message
					             where line_id = ? and sender_hash = ? and media_ref like 'media:%')
					""").params(subject.lineId(), sender).update();
			payloads += this.jdbc.sql("""
					update channel_inbound_event set payload_encrypted = null
					where id in (select event_id from channel_inbound_message where line_id = ? and sender_hash = ?)
					  and payload_encrypted is not null
					""").params(subject.lineId(), sender).update();
			texts += this.jdbc.sql("update channel_inbound_message set body = null where line_id = ? and sender_hash = ? and body is not null")
				.params(subject.lineId(), sender).update();
			identifiers += this.jdbc.sql("""
					update channel_inbound_message set sender_hash = null, sender_encrypted = null, sender_name_encrypted = null,
					    sender_user_id_encrypted = null, processed_at = coalesce(processed_at, now())
					where line_id = ? and sender_hash = ?
					""").params(subject.lineId(), sender).update();
		}
		texts += this.jdbc.sql("""
				update channel_outbox set body = null, content = null,
				    status = case when status in ('PENDING', 'CLAIMED') then 'FAILED' else status end,
				    last_error = case when status in ('PENDING', 'CLAIMED') then 'ERASED' else last_error end
				where contact_id = ?
				""").param(subject.contactId()).update();
		return Map.of(DataTypes.MEDIA, media, DataTypes.PROVIDER_PAYLOADS, payloads, DataTypes.MESSAGE_TEXTS, texts,
				DataTypes.IDENTIFIERS, identifiers);
	}

	@Override
	public boolean hasUnsent(long contactId) {
		return this.jdbc.sql("select exists (select 1 from channel_outbox where contact_id = ? and status in ('PENDING', 'CLAIMED', 'SENDING'))")
			.param(contactId)
			.query(Boolean.class)
			.single();
	}

	/** Nothing more goes to a person whose number is gone, however they were erased. */
	@EventListener
	void erased(ContactErased erased) {
		this.jdbc.sql("""
				update channel_outbox set status = 'FAILED', last_error = 'ERASED', body = null, content = null
				where contact_id = ? and status in ('PENDING', 'CLAIMED')
				""").param(erased.contactId()).update();
	}

}
