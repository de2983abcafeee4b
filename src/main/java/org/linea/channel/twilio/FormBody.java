package org.linea.channel.twilio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body, read from the raw bytes Linea keeps. */
final class FormBody {

	private FormBody() {
	}

	/** Parameters by name; a repeated name keeps its first value. */
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
			String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			params.putIfAbsent(name, value);
		}
		return params;
	}

}
