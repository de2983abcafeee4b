package org.linea.shared.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.springframework.core.env.Environment;

/**
 * The keys the test context generated for the embedded database, as the properties another node
 * needs to read the same data through an external database URL (where Linea requires them set).
 */
public final class EmbeddedKeys {

	private EmbeddedKeys() {
	}

	public static List<String> properties(Environment environment) {
		Path file = Path.of(environment.getRequiredProperty("linea.data-dir"), "keys", "linea-keys.properties");
		Properties keys = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			keys.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.of("linea.crypto.encryption-key=" + keys.getProperty("encryption-key"),
				"linea.crypto.hash-key=" + keys.getProperty("hash-key"));
	}

}
