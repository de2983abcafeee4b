package org.linea.personaldata;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The person a data-subject request is about, as every module can find their rows: by contact, by the
 * keyed hash of their number (for rows written before the contact existed) and by conversation.
 * {@code senderHashes} holds every keyed hash their messages may be stored under: their number's and,
 * where WhatsApp gave one, their business-scoped user id's.
 */
public record DataSubject(long contactId, long lineId, String code, byte[] phoneHash, List<Long> conversationIds,
		List<byte[]> senderHashes) {

	public DataSubject(long contactId, long lineId, String code, byte[] phoneHash, List<Long> conversationIds) {
		this(contactId, lineId, code, phoneHash, conversationIds, phoneHash == null ? List.of() : List.of(phoneHash));
	}

	/** The conversation ids as a PostgreSQL array literal, for {@code = any(?::bigint[])}. */
	public String conversationArray() {
		return this.conversationIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

}
