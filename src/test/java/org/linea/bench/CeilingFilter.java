package org.linea.bench;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;

/**
 * For the ingest harness only ({@code -Dbench.ceiling=true}): answers every POST to a WhatsApp webhook 200
 * in the very first filter, after reading its body and storing nothing. What the harness and Tomcat reach
 * on this machine with no Linea at all: the ceiling any webhook path can approach.
 */
final class CeilingFilter implements Filter {

	static void register(ConfigurableApplicationContext context) {
		((GenericApplicationContext) context).registerBean("benchCeilingFilter", FilterRegistrationBean.class, () -> {
			FilterRegistrationBean<CeilingFilter> registration = new FilterRegistrationBean<>(new CeilingFilter());
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			registration.addUrlPatterns("/webhooks/whatsapp/*");
			return registration;
		});
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
		HttpServletRequest http = (HttpServletRequest) request;
		if (!"POST".equals(http.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		http.getInputStream().readAllBytes();
		((HttpServletResponse) response).setStatus(200);
	}

}
