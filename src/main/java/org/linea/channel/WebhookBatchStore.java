package org.linea.channel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.linea.access.Line;
import org.linea.contact.ContactKeys;
import org.linea.contact.ContactService;
import org.linea.shared.crypto.FieldCipher;
import org.linea.shared.db.StorableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores many webhook calls as {@link ChannelService#ingest} stores each one, but with one statement
 * per kind of row for all of them: the senders' data keys, the raw payloads, the messages. One call
 * costs a share of five round trips instead of four of its own, which is what bounds a writer under
 * load. Media are still stored one by one (rare in bursts); delivery reports are recorded all together
 * ({@link ChannelService#recordStatuses}).
 * <p>
 * The same message twice (in the batch or already stored) is stored once: the first is kept, the
 * others answer as duplicates, and a call whose messages are all duplicates keeps its payload as
 * DUPLICATE.
 */
@Component
class WebhookBatchStore {

	private static final Logger log = LoggerFactory.getLogger(WebhookBatchStore.class);

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final ContactKeys keys;

	private final ContactService contacts;

	private final InboundMedia media;

	private final ChannelService channels;

	private final ApplicationEventPublisher events;

	WebhookBatchStore(JdbcClient jdbc, FieldCipher cipher, ContactKeys keys, ContactService contacts, InboundMedia media,
			ChannelService channels, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.keys = keys;
		this.contacts = contacts;
		this.media = media;
		this.channels = channels;
		this.events = events;
	}

	/** What became of each call's messages, in the order of the calls and of their messages. */
	@Transactional(propagation = Propagation.MANDATORY)
	List<List<ReceiveResult>> store(List<WebhookCall> calls) {
		List<Arrival> arrivals = new ArrayList<>();
		for (int c = 0; c < calls.size(); c++) {
			for (InboundMessage message : calls.get(c).messages()) {
				InboundMessage storable = message.storable();
				arrivals.add(new Arrival(c, calls.get(c).line(), storable, this.contacts.phoneHash(storable.from())));
			}
		}
		Map<Sender, ContactKeys.Sealer> sealers = sealers(arrivals);
		Map<MessageKey, Long> known = new HashMap<>();
		// the ids, and the messages already stored, in one round trip: a message id for every arrival (the
		// duplicates' ids are never used; a sequence may have gaps)
		long[][] ids = this.jdbc.sql("""
				select array(select nextval(pg_get_serial_sequence('channel_inbound_event', 'id')) from generate_series(1, ?)),
				       array(select nextval(pg_get_serial_sequence('channel_inbound_message', 'id')) from generate_series(1, ?)),
				       k.line_ids, k.provider_message_ids, k.ids
				from (select array_agg(m.line_id) as line_ids, array_agg(m.provider_message_id) as provider_message_ids,
				             array_agg(m.id) as ids
				      from channel_inbound_message m
				      join unnest(?::bigint[], ?::text[]) as w (line_id, provider_message_id)
				        on m.line_id = w.line_id and m.provider_message_id = w.provider_message_id) k
				""").params(calls.size(), arrivals.size(), arrivals.stream().map(Arrival::lineId).toArray(Long[]::new),
					arrivals.stream().map(arrival -> arrival.message().providerMessageId()).toArray(String[]::new))
			.query((rs, n) -> {
				java.sql.Array knownIds = rs.getArray(5);
				if (knownIds != null) {
					long[] lines = longs(rs.getArray(3));
					String[] providerIds = (String[]) rs.getArray(4).getArray();
					long[] stored = longs(knownIds);
					for (int i = 0; i < stored.length; i++) {
						known.put(new MessageKey(lines[i], providerIds[i]), stored[i]);
					}
				}
				return new long[][] { longs(rs.getArray(1)), longs(rs.getArray(2)) };
			})
			.single();
		long[] eventIds = ids[0];

		// the first arrival of a message not stored yet is new, every other one a duplicate of it
		Map<MessageKey, Arrival> fresh = new LinkedHashMap<>();
		for (Arrival arrival : arrivals) {
			if (!known.containsKey(arrival.key())) {
				fresh.putIfAbsent(arrival.key(), arrival);
			}
		}

		boolean[] allDuplicates = new boolean[calls.size()];
		for (int c = 0; c < calls.size(); c++) {
			int call = c;
			allDuplicates[c] = !calls.get(c).messages().isEmpty()
					&& arrivals.stream().filter(arrival -> arrival.call() == call).noneMatch(arrival -> fresh.get(arrival.key()) == arrival);
		}
		Map<MessageKey, Long> stored = insert(calls, eventIds, allDuplicates, arrivals, fresh, ids[1], sealers);
		// a concurrent delivery of the same message won the insert
		List<Arrival> lostRaces = fresh.values().stream().filter(arrival -> !stored.containsKey(arrival.key())).toList();
		known.putAll(alreadyStored(lostRaces));

		List<List<ReceiveResult>> results = new ArrayList<>();
		calls.forEach(call -> results.add(new ArrayList<>()));
		for (Arrival arrival : arrivals) {
			boolean isNew = fresh.get(arrival.key()) == arrival && stored.containsKey(arrival.key());
			long id = known.containsKey(arrival.key()) ? known.get(arrival.key()) : stored.get(arrival.key());
			if (!isNew) {
				log.info("Duplicate delivery ignored line={} inbound={}", calls.get(arrival.call()).line().key(), id);
			}
			results.get(arrival.call()).add(new ReceiveResult(id, !isNew));
		}
		for (int call : lostRaces.stream().map(Arrival::call).distinct().toList()) {
			if (results.get(call).stream().allMatch(ReceiveResult::duplicate)) {
				this.jdbc.sql("update channel_inbound_event set outcome = 'DUPLICATE' where id = ?").param(eventIds[call]).update();
			}
		}
		this.channels.recordStatuses(calls.stream()
			.flatMap(call -> call.reports().stream().map(report -> new ChannelService.Reported(call.line(), report.storable())))
			.toList());
		fresh.values().stream().filter(arrival -> stored.containsKey(arrival.key()))
			.forEach(arrival -> this.events.publishEvent(new InboundMessageStored(stored.get(arrival.key()), arrival.lineId())));
		return results;
	}

	/** Each sender's data key, one statement per line. */
	private Map<Sender, ContactKeys.Sealer> sealers(List<Arrival> arrivals) {
		Map<Long, List<byte[]>> byLine = new LinkedHashMap<>();
		for (Arrival arrival : arrivals) {
			byLine.computeIfAbsent(arrival.lineId(), line -> new ArrayList<>()).add(arrival.senderHash());
		}
		Map<Sender, ContactKeys.Sealer> sealers = new HashMap<>();
		byLine.forEach((lineId, hashes) -> {
			List<ContactKeys.Sealer> found = this.keys.sealersFor(lineId, hashes);
			for (int i = 0; i < hashes.size(); i++) {
				sealers.put(new Sender(lineId, ByteBuffer.wrap(hashes.get(i))), found.get(i));
			}
		});
		return sealers;
	}

	private Map<MessageKey, Long> alreadyStored(List<Arrival> arrivals) {
		Map<MessageKey, Long> known = new HashMap<>();
		if (arrivals.isEmpty()) {
			return known;
		}
		this.jdbc.sql("""
				select m.line_id, m.provider_message_id, m.id from channel_inbound_message m
				join unnest(?::bigint[], ?::text[]) as w (line_id, provider_message_id)
				  on m.line_id = w.line_id and m.provider_message_id = w.provider_message_id
				""")
			.params(arrivals.stream().map(Arrival::lineId).toArray(Long[]::new),
					arrivals.stream().map(arrival -> arrival.message().providerMessageId()).toArray(String[]::new))
			.query((rs, n) -> known.put(new MessageKey(rs.getLong(1), rs.getString(2)), rs.getLong(3)))
			.list();
		return known;
	}

	/**
	 * The raw payloads (the first sender's data, encrypted with their key: it goes when they are erased) and the new
	 * messages in the order they came, so a sender's messages keep their order by id, in one statement; returns the
	 * messages stored.
	 */
	private Map<MessageKey, Long> insert(List<WebhookCall> calls, long[] eventIds, boolean[] allDuplicates, List<Arrival> arrivals,
			Map<MessageKey, Arrival> fresh, long[] messageIds, Map<Sender, ContactKeys.Sealer> sealers) {
		Map<Integer, Arrival> firstOfCall = new HashMap<>();
		arrivals.forEach(arrival -> firstOfCall.putIfAbsent(arrival.call(), arrival));
		Long[] lineIds = new Long[calls.size()];
		String[] channelTypes = new String[calls.size()];
		String[] contentTypes = new String[calls.size()];
		byte[][] payloads = new byte[calls.size()][];
		String[] outcomes = new String[calls.size()];
		for (int c = 0; c < calls.size(); c++) {
			WebhookCall call = calls.get(c);
			byte[] payload = call.rawPayload().getBytes(StandardCharsets.UTF_8);
			Arrival first = firstOfCall.get(c);
			lineIds[c] = call.line().id();
			channelTypes[c] = call.line().channelType().name();
			contentTypes[c] = StorableText.of(call.contentType());
			payloads[c] = first == null ? this.cipher.encrypt(payload) : sealers.get(first.sender()).seal(payload);
			outcomes[c] = allDuplicates[c] ? "DUPLICATE" : "ACCEPTED";
		}
		Map<MessageKey, Long> stored = new HashMap<>();
		int n = fresh.size();
		Long[] messageLineIds = new Long[n];
		Long[] events = new Long[n];
		String[] providerIds = new String[n];
		byte[][] senderHashes = new byte[n][];
		byte[][] senders = new byte[n][];
		byte[][] names = new byte[n][];
		String[] kinds = new String[n];
		String[] bodies = new String[n];
		String[] mediaRefs = new String[n];
		String[] sentAt = new String[n];
		byte[][] userIds = new byte[n][];
		int i = 0;
		for (Arrival arrival : fresh.values()) {
			InboundMessage message = arrival.message();
			ContactKeys.Sealer key = sealers.get(arrival.sender());
			messageLineIds[i] = arrival.lineId();
			events[i] = eventIds[arrival.call()];
			providerIds[i] = message.providerMessageId();
			senderHashes[i] = arrival.senderHash();
			senders[i] = key.seal(message.from());
			names[i] = key.seal(message.profileName());
			kinds[i] = message.kind().name();
			bodies[i] = message.text();
			mediaRefs[i] = message.attachment() == null ? null : this.media.reference(arrival.line(), message.attachment(), key.keyId());
			sentAt[i] = message.sentAt() == null ? null : message.sentAt().toString();
			userIds[i] = key.seal(message.userId());
			i++;
		}
		// the events first (a data-modifying WITH runs whether or not the rest reads it; the messages' foreign keys
		// are checked at the end of the statement, when the events are there)
		this.jdbc.sql("""
				with event as (
				    insert into channel_inbound_event (id, line_id, channel_type, content_type, payload_encrypted, outcome)
				    select * from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bytea[], ?::text[]))
				insert into channel_inbound_message (id, line_id, event_id, provider_message_id, sender_hash, sender_encrypted,
				    sender_name_encrypted, kind, body, media_ref, provider_timestamp, sender_user_id_encrypted)
				select id, line_id, event_id, provider_message_id, sender_hash, sender_encrypted, sender_name_encrypted, kind, body,
				       media_ref, provider_timestamp::timestamptz, sender_user_id_encrypted
				from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::bytea[], ?::bytea[], ?::bytea[], ?::text[], ?::text[],
				            ?::text[], ?::text[], ?::bytea[])
				  as m (id, line_id, event_id, provider_message_id, sender_hash, sender_encrypted, sender_name_encrypted, kind, body,
				        media_ref, provider_timestamp, sender_user_id_encrypted)
				order by id
				on conflict (line_id, provider_message_id) do nothing
				returning id, line_id, provider_message_id
				""")
			.params(boxed(eventIds), lineIds, channelTypes, contentTypes, payloads, outcomes, boxed(Arrays.copyOf(messageIds, n)),
					messageLineIds, events, providerIds, senderHashes, senders, names, kinds, bodies, mediaRefs, sentAt, userIds)
			.query((rs, row) -> stored.put(new MessageKey(rs.getLong(2), rs.getString(3)), rs.getLong(1)))
			.list();
		return stored;
	}

	private static long[] longs(java.sql.Array array) throws java.sql.SQLException {
		Object[] values = (Object[]) array.getArray();
		long[] longs = new long[values.length];
		for (int i = 0; i < values.length; i++) {
			longs[i] = ((Number) values[i]).longValue();
		}
		return longs;
	}

	private static Long[] boxed(long[] values) {
		Long[] boxed = new Long[values.length];
		for (int i = 0; i < values.length; i++) {
			boxed[i] = values[i];
		}
		return boxed;
	}

	private record MessageKey(long lineId, String providerMessageId) {
	}

	private record Sender(long lineId, ByteBuffer phoneHash) {
	}

	/** One message of one call of the batch. */
	private record Arrival(int call, Line line, InboundMessage message, byte[] senderHash) {

		long lineId() {
			return this.line.id();
		}

		MessageKey key() {
			return new MessageKey(lineId(), this.message.providerMessageId());
		}

		Sender sender() {
			return new Sender(lineId(), ByteBuffer.wrap(this.senderHash));
		}

	}

}
