package org.linea.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Installation-wide settings.
 *
 * @param dataDir where the embedded database and generated keys live (default {@code ./data})
 * @param demo create the demo organisation and line on first start
 * @param publicUrl the address people and providers reach this installation at
 */
@ConfigurationProperties("linea")
public record LineaProperties(String dataDir, Boolean demo, String publicUrl) {

	public LineaProperties {
		if (dataDir == null || dataDir.isBlank()) {
			dataDir = "./data";
		}
		if (demo == null) {
			demo = true;
		}
		if (publicUrl == null || publicUrl.isBlank()) {
			publicUrl = "http://localhost:8080";
		}
	}

}
