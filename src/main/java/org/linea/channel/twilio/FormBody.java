package org.linea.channel.twilio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body, read from the raw bytes Linea keeps. */
final class FormBody {

	private FormBody() {
	}

	/** Parameters by name; a repeated name keeps its first value. A broken %-escape is {@link TwilioInbound.Malformed}. */
	static Map<String, String> parse(byte[] body) {
		Map<String, String> params = new LinkedHashMap<>();
		String text = new String(body, StandardCharsets.UTF_8);
		if (text.isBlank()) {
			return params;
		}
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			params.putIfAbsent(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
		}
		return params;
	}

	private static String decode(String encoded) {
		try {
			return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new TwilioInbound.Malformed("The body is not form-encoded: a % is not followed by two hex digits");
		}
	}

}
