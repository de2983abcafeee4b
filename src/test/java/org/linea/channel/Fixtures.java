package org.linea.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Provider payloads kept under {@code src/test/resources/channel/}, with {@code {{NAME}}} placeholders filled in. */
public final class Fixtures {

	private Fixtures() {
	}

	public static String load(String path, Map<String, String> values) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/channel/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + path);
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
			for (Map.Entry<String, String> value : values.entrySet()) {
				text = text.replace("{{" + value.getKey() + "}}", value.getValue());
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
