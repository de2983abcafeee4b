package org.linea.web;

import org.linea.web.SecurityProperties.Limit;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Lets a rate limit be set as {@code 30/1h} (in YAML or as LINEA_SECURITY_RATE_LIMITS_REVEAL=30/1h). */
@Component
@ConfigurationPropertiesBinding
class LimitConverter implements Converter<String, Limit> {

	@Override
	public Limit convert(String source) {
		return Limit.parse(source);
	}

}
