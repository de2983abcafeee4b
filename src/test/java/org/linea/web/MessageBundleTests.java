package org.linea.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.linea.access.Role;
import org.linea.channel.DeliveryStatus;
import org.linea.conversation.ConversationState;
import org.linea.conversation.SenderKind;

import static org.assertj.core.api.Assertions.assertThat;

/** Spanish and English stay in step, and every text a template asks for exists. */
class MessageBundleTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[(}]");

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static Set<String> keys(String language) throws IOException {
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.list(RESOURCES)) {
			for (Path file : files.filter(f -> f.getFileName().toString().matches("messages(-[a-z]+)?" + language + "\\.properties")).toList()) {
				load(file).stringPropertyNames().forEach(keys::add);
			}
		}
		return keys;
	}

	@Test
	void everyEnglishTextHasASpanishOneAndBack() throws IOException {
		Set<String> english = keys("");
		Set<String> spanish = keys("_es");
		assertThat(english).isNotEmpty();
		assertThat(new TreeSet<>(spanish)).as("keys only in Spanish").isEqualTo(new TreeSet<>(english));
	}

	@Test
	void everyKeyUsedInATemplateExists() throws IOException {
		Set<String> known = keys("");
		Set<String> missing = new HashSet<>();
		try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = KEY_IN_TEMPLATE.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!known.contains(matcher.group(1))) {
						missing.add(template.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyStateStatusRoleAndSenderShownOnScreenHasAText() throws IOException {
		Set<String> known = keys("");
		Stream.of(Stream.of(Role.values()).map(r -> "role." + r), Stream.of(ConversationState.values()).map(s -> "state." + s),
				Stream.of(SenderKind.values()).map(s -> "sender." + s), Stream.of(DeliveryStatus.values()).map(s -> "status." + s))
			.flatMap(keys -> keys)
			.forEach(key -> assertThat(known).as("texts").contains(key));
		assertThat(known).contains("status.RECEIVED");
	}

}
