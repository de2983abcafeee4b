package org.linea.web.throttle;

import org.linea.web.SecurityProperties;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/** One instance, placed in the page and API security chains (after authorisation). */
	@Bean
	RequestRateLimits requestRateLimits(RateLimitStore store, SecurityProperties properties, MessageSource messages,
			LocaleResolver locales) {
		return new RequestRateLimits(store, properties, messages, locales);
	}

	/** ...and not also as a servlet filter of its own, which Boot would otherwise do for a filter bean. */
	@Bean
	FilterRegistrationBean<RequestRateLimits> requestRateLimitsOnlyInTheSecurityChains(RequestRateLimits limits) {
		FilterRegistrationBean<RequestRateLimits> registration = new FilterRegistrationBean<>(limits);
		registration.setEnabled(false);
		return registration;
	}

}
