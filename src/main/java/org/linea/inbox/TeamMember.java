package org.linea.inbox;

/** A staff member of a team, whether they take conversations now, and how many they hold. */
record TeamMember(long userId, String displayName, int maxOpen, boolean online, int open) {
}
