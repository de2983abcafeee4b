package org.linea.knowledge;

/** Media or a link sent with an answer, by address. */
public record Attachment(AttachmentKind kind, String url, String caption) {

	public Attachment {
		caption = caption == null ? "" : caption.strip();
	}

}
