package org.linea.web.session;

import org.linea.shared.LineaProperties;

import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The session cookie is marked {@code Secure} when Linea is reached over https (LINEA_PUBLIC_URL). */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

	@Bean
	DefaultCookieSerializerCustomizer secureCookieOverHttps(LineaProperties linea) {
		boolean https = linea.publicUrl().regionMatches(true, 0, "https://", 0, 8);
		return serializer -> {
			if (https) {
				serializer.setUseSecureCookie(true);
			}
		};
	}

}
