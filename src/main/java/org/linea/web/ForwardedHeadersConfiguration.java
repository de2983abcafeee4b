package org.linea.web;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * With {@code server.forward-headers-strategy=framework}, Spring's forwarded-header filter, limited to
 * the proxies in {@code linea.security.trusted-proxies} (it takes the place of Boot's own, which
 * believes anyone).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "server.forward-headers-strategy", havingValue = "framework")
class ForwardedHeadersConfiguration {

	@Bean
	FilterRegistrationBean<ForwardedHeaderFilter> trustedProxiesForwardedHeaderFilter(SecurityProperties properties) {
		FilterRegistrationBean<ForwardedHeaderFilter> registration = new FilterRegistrationBean<>(
				new ForwardedHeadersFromTrustedProxies(properties.trustedProxies()));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
