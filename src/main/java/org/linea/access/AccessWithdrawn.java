package org.linea.access;

/**
 * A user's password was set, a role taken away or the account disabled: whatever they are signed in
 * with elsewhere should stop working (the sessions are ended by the web layer).
 */
public record AccessWithdrawn(long userId, String username) {
}
