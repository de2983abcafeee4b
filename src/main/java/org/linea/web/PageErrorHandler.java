package org.linea.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linea.shared.LocalizedException;
import org.linea.shared.NotFoundException;
import org.linea.shared.Messages;
import org.linea.shared.web.RedirectOnRefusal;
import org.linea.shared.web.Refusals;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * A page action refused ({@link LocalizedException}) is translated here, once, in the person's
 * language: a form post goes back to its page ({@link RedirectOnRefusal}, else the page it came from)
 * with the text as the page's error ({@code errorText}) and what the action kept ({@link Refusals});
 * an htmx request gets the text as an alert to swap in; any other request the error page.
 * The API's refusals are answered by {@link ApiExceptionHandler}, which comes first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PageErrorHandler {

	/** The flash attribute pages show as their error. */
	static final String ERROR_TEXT = "errorText";

	/** Marks an htmx answer that is a refusal, so linea.js swaps it in although it is not a 2xx. */
	static final String REFUSAL_HEADER = "Linea-Refusal";

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private final Messages messages;

	PageErrorHandler(Messages messages) {
		this.messages = messages;
	}

	/** Not found is the error page with 404, whatever the method, in the person's language. */
	@ExceptionHandler(NotFoundException.class)
	void notFound(NotFoundException ex, HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value(), this.messages.of(ex));
	}

	@ExceptionHandler(LocalizedException.class)
	ModelAndView refused(LocalizedException ex, HandlerMethod handler, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String text = this.messages.of(ex);
		HttpStatus status = ErrorStatus.of(ex);
		if (request.getHeader("HX-Request") != null) {
			response.setStatus(status.value());
			response.setHeader(REFUSAL_HEADER, "true");
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write("<p class=\"alert\" role=\"alert\">" + HtmlUtils.htmlEscape(text) + "</p>");
			return null;
		}
		if (!"POST".equals(request.getMethod())) {
			response.sendError(status.value(), text);
			return null;
		}
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.putAll(Refusals.kept());
		flash.put(ERROR_TEXT, text);
		return new ModelAndView("redirect:" + target(handler, request));
	}

	private static String target(HandlerMethod handler, HttpServletRequest request) {
		RedirectOnRefusal declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RedirectOnRefusal.class);
		if (declared == null) {
			declared = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RedirectOnRefusal.class);
		}
		if (declared != null) {
			return expand(declared.value(), request);
		}
		String back = sameApplication(request.getHeader(HttpHeaders.REFERER), request);
		return back == null ? "/" : back;
	}

	@SuppressWarnings("unchecked")
	private static String expand(String template, HttpServletRequest request) {
		Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Matcher matcher = VARIABLE.matcher(template);
		StringBuilder expanded = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = path != null && path.containsKey(name) ? path.get(name) : request.getParameter(name);
			matcher.appendReplacement(expanded, Matcher.quoteReplacement(UriUtils.encode(value == null ? "" : value, StandardCharsets.UTF_8)));
		}
		matcher.appendTail(expanded);
		return expanded.toString();
	}

	/** The Referer as a path of this application (without its context path), or null when it is elsewhere. */
	static String sameApplication(String referer, HttpServletRequest request) {
		if (referer == null || referer.isBlank()) {
			return null;
		}
		URI uri;
		try {
			uri = URI.create(referer.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
			return null;
		}
		String path = uri.getRawPath();
		String context = request.getContextPath();
		if (path == null || !path.startsWith(context + "/")) {
			return null;
		}
		String inApp = path.substring(context.length());
		if (inApp.startsWith("//")) {
			return null;
		}
		return uri.getRawQuery() == null ? inApp : inApp + "?" + uri.getRawQuery();
	}

}
