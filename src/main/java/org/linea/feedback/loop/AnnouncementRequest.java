package org.linea.feedback.loop;

import java.util.List;

import org.linea.broadcast.BroadcastMessage;

/**
 * A new announcement: what was done about some feedback, for the people who raised it.
 *
 * @param themes topic codes of the organisation's codebook: people whose feedback on the line was coded with any of them
 * @param rumours rumour group ids: people whose reports on the line were grouped in any of them
 * @param message {@code {"text"}}, {@code {"entry": "KEY"}} or {@code {"template": {...}}} (a text or entry may carry a
 * template for people outside WhatsApp's 24-hour window)
 */
public record AnnouncementRequest(String name, List<String> themes, List<Long> rumours, BroadcastMessage message) {

	public AnnouncementRequest {
		themes = themes == null ? List.of() : themes.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
		rumours = rumours == null ? List.of() : rumours.stream().filter(java.util.Objects::nonNull).distinct().toList();
	}

}
