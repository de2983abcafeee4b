package org.linea.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The bot's word lists, shipped in the jar under {@code bot/}: one entry a line, {@code #} comments. */
public final class Resources {

	private Resources() {
	}

	public static List<String> lines(String path) {
		return text(path).lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
	}

	public static String text(String path) {
		try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
