package org.linea.closure;

import java.time.Instant;
import java.util.Map;

import org.linea.broadcast.BroadcastMessage;

/**
 * Closing a line.
 *
 * @param message the last message: texts per language ({@code {"es": "...", "en": "..."}}) or the key of a
 * validated key message of the bank ({@code "CIERRE"}); the alternatives are added after it
 * @param alternatives where people can turn instead: names, numbers, addresses
 * @param activeDays the last message goes to everyone who wrote in within this many days
 * @param closesAt when the line stops answering and refers people elsewhere; now when absent
 * @param template an approved template for people outside WhatsApp's 24-hour window (without it they are skipped)
 * @param referral optional: what the closed line answers anyone writing in, per language, in the organisation's
 * words; a language without one gets the shipped referral followed by the alternatives
 */
public record ClosureRequest(Object message, String alternatives, Integer activeDays, Instant closesAt,
		BroadcastMessage.TemplateRef template, Map<String, String> referral) {
}
