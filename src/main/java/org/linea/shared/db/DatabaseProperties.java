package org.linea.shared.db;

import java.nio.file.Path;

import org.linea.shared.LineaProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Linea keeps its data. With no {@code url} (the default), Linea starts its own PostgreSQL
 * whose files live under {@code embedded.dataDir}; with a url, it uses that external PostgreSQL.
 */
@ConfigurationProperties("linea.db")
public record DatabaseProperties(String url, String user, String password, Integer maxPoolSize, Embedded embedded) {

	public DatabaseProperties {
		if (maxPoolSize == null) {
			maxPoolSize = 20;
		}
		if (embedded == null) {
			embedded = new Embedded(null, false);
		}
	}

	public boolean isEmbedded() {
		return url == null || url.isBlank();
	}

	/** The embedded cluster's directory. */
	Path embeddedDir(LineaProperties linea) {
		return this.embedded.dataDir() != null ? Path.of(this.embedded.dataDir()) : Path.of(linea.dataDir(), "postgres");
	}

	/**
	 * @param dataDir directory of the embedded cluster; defaults to {@code <linea.data-dir>/postgres}
	 * @param ephemeral wipe the directory at start (tests)
	 */
	public record Embedded(String dataDir, boolean ephemeral) {
	}

}
