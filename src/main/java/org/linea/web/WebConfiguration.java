package org.linea.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.linea.access.RouteGuard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Spanish and English: the browser's language until the user picks one with {@code ?lang=es|en}. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("es"), Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("linea-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		resolver.setDefaultLocaleFunction(request -> {
			for (var languages = request.getLocales(); languages.hasMoreElements();) {
				Locale wanted = languages.nextElement();
				for (Locale supported : SUPPORTED) {
					if (supported.getLanguage().equals(wanted.getLanguage())) {
						return supported;
					}
				}
			}
			return SUPPORTED.getFirst();
		});
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		// not on webhooks: reading a parameter would consume the form body whose raw bytes are signed and stored
		registry.addInterceptor(change).excludePathPatterns("/webhooks/**");
		registry.addInterceptor(new RouteGuard());
	}

}
