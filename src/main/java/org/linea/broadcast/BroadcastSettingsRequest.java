package org.linea.broadcast;

/**
 * A line's broadcast rules as an API caller or the settings form sends them.
 *
 * @param quietFrom local time ("21:00") from which nothing is broadcast; empty with {@code quietUntil}: no quiet hours
 * @param quietUntil local time ("08:00") at which broadcasting may start again (may be the next morning)
 * @param weeklyCap broadcasts one person receives at most in 7 days, over all the line's campaigns
 * @param dailyLimit unique people the number may reach in 24 hours (WhatsApp's messaging tier); empty: no limit
 */
public record BroadcastSettingsRequest(String quietFrom, String quietUntil, Integer weeklyCap, Integer dailyLimit) {
}
