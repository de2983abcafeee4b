package org.linea.safeguarding;

import java.util.List;

/**
 * A service of a line's referral map: where a focal point refers a person (a protection service, a
 * hotline, a shelter, health, the police).
 *
 * @param languages two-letter codes of the languages it attends in
 */
public record SupportService(long id, long lineId, String name, ServiceKind kind, String contacts, String hours,
		List<String> languages, boolean active) {
}
