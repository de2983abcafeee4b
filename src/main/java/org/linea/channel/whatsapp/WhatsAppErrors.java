package org.linea.channel.whatsapp;

import java.time.Duration;
import java.util.Set;

import org.linea.channel.SendResult;

/**
 * What a Cloud API error means for the sender (error codes from Meta's error reference). The meaning
 * shown to staff comes from the message bundle key {@code channel.error.<code>}.
 */
final class WhatsAppErrors {

	/** The number's throughput, the app's or the business account's call limits, or a spam-rate restriction. */
	private static final Set<Integer> LINE_THROTTLED = Set.of(130429, 4, 80007, 131048);

	/** Too many messages to the same person in a short time. */
	private static final int PAIR_RATE_LIMIT = 131056;

	/** The number is being upgraded or in maintenance: Meta asks to try again after about a minute. */
	private static final int MAINTENANCE = 131057;

	/** Unknown or temporary errors Meta documents as worth retrying. */
	private static final Set<Integer> TRANSIENT = Set.of(1, 2, 131000, 131016);

	private WhatsAppErrors() {
	}

	static SendResult classify(int httpStatus, int code, String message, String retryAfter) {
		String errorCode = code >= 0 ? String.valueOf(code) : "HTTP_" + httpStatus;
		Duration after = seconds(retryAfter);
		if (code == PAIR_RATE_LIMIT) {
			return new SendResult.Throttled(errorCode, false, after);
		}
		if (LINE_THROTTLED.contains(code) || httpStatus == 429) {
			return new SendResult.Throttled(errorCode, true, after);
		}
		if (code == MAINTENANCE) {
			return new SendResult.Retry(errorCode, after != null ? after : Duration.ofMinutes(1));
		}
		if (TRANSIENT.contains(code) || httpStatus >= 500) {
			return new SendResult.Retry(errorCode, after);
		}
		return new SendResult.Failed(errorCode, message);
	}

	private static Duration seconds(String value) {
		if (value == null || !value.matches("\\d{1,6}")) {
			return null;
		}
		return Duration.ofSeconds(Long.parseLong(value));
	}

}
