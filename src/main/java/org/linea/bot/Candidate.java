package org.linea.bot;

/** An entry the bot considered for a message, and how well it explains it (0 to 1). */
public record Candidate(String entryKey, String question, double score) {
}
