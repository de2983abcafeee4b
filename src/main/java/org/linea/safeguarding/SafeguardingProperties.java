package org.linea.safeguarding;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param signalsDir a folder of the organisation's own signals files ({@code <anything>.txt}, same
 * format as {@code safeguarding/es.txt}), added to the shipped ones; none when unset
 */
@ConfigurationProperties("linea.safeguarding")
public record SafeguardingProperties(Path signalsDir) {
}
