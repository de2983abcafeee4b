package org.linea.channel;

import org.linea.access.ConversationContent;
import org.linea.access.Requires;
import org.linea.access.Permission;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.shared.NotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Media people sent, for staff who work on the line's conversations. Images, audio and video play in
 * the page; anything else downloads, so a document can never run as a page of Linea.
 */
@Controller
@Requires(Permission.INBOX_READ)
class MediaController {


	private final InboundMedia media;

	private final LineService lines;

	private final ConversationContent content;

	MediaController(InboundMedia media, LineService lines, ConversationContent content) {
		this.media = media;
		this.lines = lines;
		this.content = content;
	}

	@GetMapping("/media/{id}")
	ResponseEntity<byte[]> show(@PathVariable long id) {
		Line line = this.lines.get(this.media.lineOf(id).orElseThrow(() -> new NotFoundException("error.missing.media", id)));
		this.lines.requireAccess(line.key(), Permission.INBOX_READ);
		this.content.requireMedia(id);
		InboundMedia.StoredMedia stored = this.media.load(id).orElseThrow(() -> new NotFoundException("error.missing.media", id));
		MediaType type = safeType(stored.contentType());
		boolean inline = type.getType().equals("image") || type.getType().equals("audio") || type.getType().equals("video");
		return ResponseEntity.ok()
			.contentType(inline ? type : MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					(inline ? ContentDisposition.inline() : ContentDisposition.attachment()).filename("media-" + id).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(stored.data());
	}

	private static MediaType safeType(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType == null ? "" : contentType);
			return type.getType().equals("image") && type.getSubtype().contains("svg") ? MediaType.APPLICATION_OCTET_STREAM
					: new MediaType(type.getType(), type.getSubtype());
		}
		catch (RuntimeException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

}
