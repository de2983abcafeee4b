package org.linea.broadcast;

import java.time.Instant;

import org.linea.audience.Audience;

/** A new broadcast: its name, who it is for, what it says and, optionally, when it starts once started. */
public record BroadcastRequest(String name, Audience audience, BroadcastMessage message, Instant startAt) {
}
