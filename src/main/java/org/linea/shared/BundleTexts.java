package org.linea.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The text of a message key without a Spring context (an exception's {@code getMessage()} in a log
 * line or a unit test): every {@code messages*.properties} bundle on the classpath. An unknown key, or
 * arguments the text cannot take, give the key itself.
 */
final class BundleTexts {

	private static final Pattern TRANSLATION = Pattern.compile(".*_[a-z]{2,3}(_[A-Z]{2})?$");

	private static volatile ResourceBundleMessageSource source;

	private BundleTexts() {
	}

	static String text(String key, Object[] arguments, Locale locale) {
		if (key == null) {
			return null;
		}
		try {
			return source().getMessage(key, arguments, key, locale);
		}
		catch (IllegalArgumentException ex) {
			return key;
		}
	}

	private static ResourceBundleMessageSource source() {
		ResourceBundleMessageSource loaded = source;
		if (loaded == null) {
			loaded = new ResourceBundleMessageSource();
			loaded.setBasenames(basenames());
			loaded.setDefaultEncoding("UTF-8");
			loaded.setFallbackToSystemLocale(false);
			source = loaded;
		}
		return loaded;
	}

	private static String[] basenames() {
		try {
			Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:messages*.properties");
			return Stream.of(bundles)
				.map(Resource::getFilename)
				.filter(name -> name != null)
				.map(name -> name.substring(0, name.length() - ".properties".length()))
				.filter(name -> !TRANSLATION.matcher(name).matches())
				.distinct()
				.sorted()
				.toArray(String[]::new);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
