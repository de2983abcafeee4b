package org.linea.bot;

import java.time.Instant;

/** An entry operators marked as a wrong automatic answer, and how often. */
public record WrongAnswer(String entryKey, int times, Instant last) {
}
