package org.linea.shared;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal a person can read is a message key with its text in English and in Spanish: a new
 * {@code new InvalidRequestException("Some English")} or a key missing from a bundle fails here.
 */
class RefusalKeysTests {

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Path BUNDLES = Path.of("src/main/resources");

	/** The first argument of a refusal written as a literal. */
	private static final Pattern THROWN = Pattern
		.compile("new (?:InvalidRequestException|BroadcastConflictException|ClaimConflictException)\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	/** Any literal that names an error key (passed on to a helper that throws, or chosen by a condition). */
	private static final Pattern ERROR_KEY = Pattern.compile("\"(error\\.[a-z]+\\.[a-z0-9.-]+)\"");

	private static final Pattern KEY = Pattern.compile("error\\.[a-z]+\\.[a-z0-9-]+(\\.[a-z0-9-]+)*");

	@Test
	void everyRefusalIsAKeyWithItsTextInEnglishAndSpanish() throws IOException {
		Properties english = bundles("");
		Properties spanish = bundles("_es");
		List<String> problems = new ArrayList<>();
		int refusals = 0;
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				Matcher thrown = THROWN.matcher(source);
				while (thrown.find()) {
					refusals++;
					String key = thrown.group(1);
					if (!KEY.matcher(key).matches()) {
						problems.add(file + ": \"" + key + "\" is a sentence, not a message key error.<feature>.<what>");
					}
				}
				Matcher named = ERROR_KEY.matcher(source);
				while (named.find()) {
					String key = named.group(1);
					if (!english.containsKey(key)) {
						problems.add(file + ": " + key + " is not in messages*.properties");
					}
					if (!spanish.containsKey(key)) {
						problems.add(file + ": " + key + " is not in messages*_es.properties");
					}
				}
			}
		}
		assertThat(refusals).as("refusals found in the sources").isGreaterThan(100);
		assertThat(problems).isEmpty();
	}

	@Test
	void theEnglishAndSpanishTextsOfARefusalTakeTheSameArguments() throws IOException {
		Properties english = bundles("");
		Properties spanish = bundles("_es");
		Pattern argument = Pattern.compile("\\{(\\d)");
		List<String> problems = new ArrayList<>();
		for (String key : english.stringPropertyNames()) {
			if (KEY.matcher(key).matches() && spanish.containsKey(key)) {
				List<String> en = argument.matcher(english.getProperty(key)).results().map(m -> m.group(1)).distinct().sorted().toList();
				List<String> es = argument.matcher(spanish.getProperty(key)).results().map(m -> m.group(1)).distinct().sorted().toList();
				if (!en.equals(es)) {
					problems.add(key + ": English " + en + ", Spanish " + es);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void aRefusalReadsInTheLanguageOfTheRequestItWasThrownInInALogLine() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		InvalidRequestException refusal = new InvalidRequestException("error.access.username-taken", "ana");
		assertThat(refusal.getMessage()).isEqualTo("The username 'ana' is taken");
		assertThat(refusal.messageKey()).isEqualTo("error.access.username-taken");
		assertThat(refusal.arguments()).containsExactly("ana");
		assertThat(new InvalidRequestException("error.inbox.message-most-characters", 4096).getMessage())
			.isEqualTo("A message can have at most 4096 characters");
		try {
			LocaleContextHolder.setLocale(Locale.forLanguageTag("es"));
			assertThat(new InvalidRequestException("error.access.username-taken", "ana").getMessage()).isEqualTo("El nombre de usuario «ana» ya está en uso");
			assertThat(new InvalidRequestException("error.channel.empty", Messages.term("channel.part.button-title", "button title")).getMessage())
				.isEqualTo("El campo «título del botón» está vacío");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	private static Properties bundles(String suffix) throws IOException {
		Properties all = new Properties();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path file : files.filter(f -> f.getFileName().toString().matches("messages(-[a-z]+)?" + suffix + "\\.properties")).toList()) {
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					all.load(reader);
				}
			}
		}
		return all;
	}

	@Test
	void notFoundNamesTheThingInTheRequestsLanguageWithItsIdAsWritten() {
		try {
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			NotFoundException missing = new NotFoundException("error.missing.media", 12345L);
			assertThat(missing.getMessage()).isEqualTo("Media 12345 not found");
			assertThat(missing.messageKey()).isEqualTo("error.missing.media");
			assertThat(new NotFoundException("error.missing.version", 3, "pagos").getMessage()).isEqualTo("Version 3 of pagos not found");
			LocaleContextHolder.setLocale(Locale.forLanguageTag("es"));
			assertThat(new NotFoundException("error.missing.line", "lima-1").getMessage()).isEqualTo("No se encontró la línea lima-1");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

}
