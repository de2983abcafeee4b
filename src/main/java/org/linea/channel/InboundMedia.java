package org.linea.channel;

import java.util.Locale;
import java.util.Optional;

import org.linea.access.Line;
import org.linea.channel.InboundMessage.Attachment.Location;
import org.linea.channel.InboundMessage.Attachment.ProviderMedia;
import org.linea.channel.InboundMessage.Attachment.Unsupported;
import org.linea.contact.ContactKeys;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What comes with a message, as a short reference stored with it: {@code media:<id>} for media
 * (downloaded later by {@link FetchInboundMedia}), {@code geo:<lat>,<lon>} for a location,
 * {@code unsupported:<type>} for a type Linea does not handle, or an https address Linea sent.
 */
@Component
class InboundMedia {

	private final JdbcClient jdbc;

	private final ContactKeys keys;

	private final ApplicationEventPublisher events;

	InboundMedia(JdbcClient jdbc, ContactKeys keys, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.events = events;
	}

	/** The reference to store for an attachment; media gets a row to download into. */
	@Transactional(propagation = Propagation.MANDATORY)
	String reference(Line line, InboundMessage.Attachment attachment, long dataKeyId) {
		return switch (attachment) {
			case null -> null;
			case ProviderMedia media -> {
				long id = this.jdbc.sql("insert into channel_media (line_id, provider_ref, content_type, data_key_id) values (?, ?, ?, ?) returning id")
					.params(line.id(), media.providerRef(), media.contentType(), dataKeyId)
					.query(Long.class)
					.single();
				this.events.publishEvent(new MediaAwaited(id));
				yield "media:" + id;
			}
			case Location location -> String.format(Locale.ROOT, "geo:%.6f,%.6f", location.latitude(), location.longitude());
			case Unsupported unsupported -> "unsupported:" + unsupported.providerType().replaceAll("[^A-Za-z0-9_-]", "").toLowerCase(Locale.ROOT);
		};
	}

	Optional<Attachment> describe(String reference) {
		if (reference == null || reference.isBlank()) {
			return Optional.empty();
		}
		if (reference.startsWith("media:")) {
			long id = Long.parseLong(reference.substring("media:".length()));
			return this.jdbc.sql("select status, content_type from channel_media where id = ?")
				.param(id)
				.query((rs, row) -> new Attachment("MEDIA", "/media/" + id, rs.getString(1), rs.getString(2)))
				.optional();
		}
		if (reference.startsWith("geo:")) {
			String coordinates = reference.substring("geo:".length());
			return Optional.of(new Attachment("LOCATION", "https://www.openstreetmap.org/?mlat=" + coordinates.replace(",", "&mlon="),
					null, coordinates));
		}
		if (reference.startsWith("unsupported:")) {
			return Optional.of(new Attachment("UNSUPPORTED", null, null, reference.substring("unsupported:".length())));
		}
		return reference.startsWith("https://") ? Optional.of(new Attachment("LINK", reference, null, null)) : Optional.empty();
	}

	/** Stored media to show to staff: the line it belongs to, its type and the decrypted bytes. */
	@Transactional(readOnly = true)
	Optional<StoredMedia> load(long id) {
		return this.jdbc.sql("select line_id, content_type, data_encrypted from channel_media where id = ? and status = 'STORED'")
			.param(id)
			.query((rs, row) -> {
				long lineId = rs.getLong(1);
				String contentType = rs.getString(2);
				return this.keys.decrypt(rs.getBytes(3)).map(data -> new StoredMedia(lineId, contentType, data));
			})
			.optional()
			.flatMap(media -> media);
	}

	/** Which line the media belongs to, whatever its state. */
	Optional<Long> lineOf(long id) {
		return this.jdbc.sql("select line_id from channel_media where id = ?").param(id).query(Long.class).optional();
	}

	record StoredMedia(long lineId, String contentType, byte[] data) {
	}

	/** Media is waiting to be downloaded: the fetcher can start now instead of at its next poll. */
	record MediaAwaited(long mediaId) {
	}

}
