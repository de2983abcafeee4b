package org.linea.web.throttle;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linea.access.LineaUser;
import org.linea.web.SecurityProperties;
import org.linea.web.SecurityProperties.Limit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Limits, counted in the database for every node, on what is worth abusing: revealing full numbers
 * and downloading exports (per signed-in user) and API calls (per token). Past a limit the answer is
 * 429 with Retry-After; pages show a translated message ({@code error.html}).
 */
public final class RequestRateLimits extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestRateLimits.class);

	private final RateLimitStore store;

	private final SecurityProperties.RateLimits limits;

	private final MessageSource messages;

	private final LocaleResolver locales;

	public RequestRateLimits(RateLimitStore store, SecurityProperties properties, MessageSource messages, LocaleResolver locales) {
		this.store = store;
		this.limits = properties.rateLimits();
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Counted> counted = counted(request);
		if (counted.isPresent()) {
			RateLimitStore.Outcome outcome = this.store.take(counted.get().name(), counted.get().subject(), counted.get().limit());
			if (!outcome.allowed()) {
				// not the path: API paths may hold a phone number
				log.warn("Rate limit {} reached; request refused", counted.get().name());
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfterSeconds()));
				if (request.getHeader("HX-Request") != null) {
					// htmx swaps this into the part of the page that asked (see linea.js)
					response.setStatus(429);
					response.setContentType("text/html;charset=UTF-8");
					String text = this.messages.getMessage("security.tooMany", null, this.locales.resolveLocale(request));
					response.getWriter().write("<span class=\"alert\" role=\"alert\">" + HtmlUtils.htmlEscape(text) + "</span>");
				}
				else {
					response.sendError(429);
				}
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private Optional<Counted> counted(HttpServletRequest request) {
		String path = request.getServletPath();
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof LineaUser user)) {
			return Optional.empty();
		}
		if (path.startsWith("/api/")) {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			return header == null ? Optional.empty() : Optional.of(new Counted("api", header.strip(), this.limits.api()));
		}
		String subject = Long.toString(user.id());
		if ("POST".equals(request.getMethod()) && path.startsWith("/inbox/") && path.endsWith("/reveal")) {
			return Optional.of(new Counted("reveal", subject, this.limits.reveal()));
		}
		if (isExport(path)) {
			return Optional.of(new Counted("export", subject, this.limits.export()));
		}
		return Optional.empty();
	}

	private static boolean isExport(String path) {
		return path.startsWith("/report/export/") || path.equals("/report/weekly.pdf") || path.equals("/report/weekly.xlsx")
				|| (path.startsWith("/knowledge/") && path.endsWith("/export"));
	}

	private record Counted(String name, String subject, Limit limit) {
	}

}
