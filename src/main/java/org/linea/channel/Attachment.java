package org.linea.channel;

/**
 * What the inbox shows for a message's media reference.
 *
 * @param kind MEDIA (stored media, see {@link #url()}), LINK (an address Linea sent), LOCATION or UNSUPPORTED
 * @param status for MEDIA: PENDING, STORED or FAILED
 * @param detail the content type of media, {@code lat,lon} of a location, the provider's type of an unsupported message
 */
public record Attachment(String kind, String url, String status, String detail) {

	public boolean image() {
		return isMedia("image/");
	}

	public boolean audio() {
		return isMedia("audio/");
	}

	public boolean video() {
		return isMedia("video/");
	}

	private boolean isMedia(String prefix) {
		return "MEDIA".equals(this.kind) && "STORED".equals(this.status) && this.detail != null && this.detail.startsWith(prefix);
	}

}
