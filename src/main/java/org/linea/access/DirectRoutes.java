package org.linea.access;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Calls the {@link ServedDirectly} webhook handlers straight from the servlet filters, before the Spring
 * MVC dispatch (which matches a path with a variable against every mapping of the application) and the
 * webhook security chain (which only permits all, statelessly): on two cores those took most of a
 * webhook's CPU (bench/README "Ingest", session 10). The handler is the mapped one, found in the MVC
 * mapping at start-up, so there is no second list of routes: a route is served here only if it declares
 * {@link Permission#PUBLIC} (what {@link RouteGuard} would let through anyway) and lies under
 * {@code /webhooks/}. Its refusals go through MVC's exception resolvers, so the answers (status, problem
 * body) are those of the dispatch; the request is still observed as {@code http.server.requests} under
 * its route's pattern (the ack latency on the dashboard). Anything else, or a path with characters a
 * provider never sends, goes down the ordinary chain. {@code linea.security.direct-webhooks=false} sends
 * the webhooks through the dispatch again (to compare in bench/ingest.sh).
 */
@Component
@Order(DirectRoutes.ORDER)
@ConditionalOnProperty(name = "linea.security.direct-webhooks", havingValue = "true", matchIfMissing = true)
public class DirectRoutes extends OncePerRequestFilter implements SmartInitializingSingleton {

	/** After Boot's observation, character encoding and request context filters; before Spring Security's (-100). */
	static final int ORDER = -104;

	private static final String PREFIX = "/webhooks/";

	/** What a provider's webhook path is made of: anything else meets Spring Security's firewall as before. */
	private static final Pattern PLAIN_PATH = Pattern.compile("/webhooks(/[A-Za-z0-9_-]+)+");

	/** The headers the webhook security chain writes on every answer. */
	private static final Map<String, String> SECURITY_HEADERS = Map.of("X-Content-Type-Options", "nosniff", "X-XSS-Protection", "0",
			"Cache-Control", "no-cache, no-store, max-age=0, must-revalidate", "Pragma", "no-cache", "Expires", "0", "X-Frame-Options",
			"DENY", "Content-Security-Policy", "default-src 'none'");

	private final ObjectProvider<RequestMappingHandlerMapping> mapping;

	private final ObjectProvider<HandlerExceptionResolver> resolver;

	private volatile List<Route> routes = List.of();

	DirectRoutes(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping,
			@Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolver) {
		this.mapping = mapping;
		this.resolver = resolver;
	}

	@Override
	public void afterSingletonsInstantiated() {
		RequestMappingHandlerMapping found = this.mapping.getIfAvailable();
		if (found != null) {
			use(routes(found.getHandlerMethods()));
		}
	}

	void use(List<Route> served) {
		this.routes = served;
	}

	/** The patterns served here, for the route walk. */
	public List<String> patterns() {
		return this.routes.stream().map(route -> route.pattern().getPatternString()).toList();
	}

	/** The marked handlers of a mapping, checked: a marked route that is not a public webhook stops the start. */
	static List<Route> routes(Map<RequestMappingInfo, HandlerMethod> handlers) {
		List<Route> routes = new ArrayList<>();
		handlers.forEach((info, handler) -> {
			if (!handler.hasMethodAnnotation(ServedDirectly.class)) {
				return;
			}
			Permission[] declared = RouteGuard.declared(handler);
			if (declared == null || !List.of(declared).contains(Permission.PUBLIC)) {
				throw new IllegalStateException(handler.getShortLogMessage() + " is served directly but does not declare Permission.PUBLIC");
			}
			Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
			if (methods.isEmpty()) {
				throw new IllegalStateException(handler.getShortLogMessage() + " is served directly but names no HTTP method");
			}
			checkParameters(handler);
			HandlerMethod resolved = handler.createWithResolvedBean();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith(PREFIX)) {
					throw new IllegalStateException(handler.getShortLogMessage() + " is served directly but " + pattern + " is not a webhook");
				}
				routes.add(new Route(PathPatternParser.defaultInstance.parse(pattern), methods, resolved, arguments(resolved.getMethod())));
			}
		});
		return List.copyOf(routes);
	}

	private static void checkParameters(HandlerMethod handler) {
		for (Parameter parameter : handler.getMethod().getParameters()) {
			boolean pathVariable = parameter.getType() == String.class && parameter.isAnnotationPresent(PathVariable.class);
			if (!pathVariable && parameter.getType() != HttpServletRequest.class) {
				throw new IllegalStateException(handler.getShortLogMessage() + " is served directly but takes " + parameter);
			}
		}
		if (handler.getMethod().getReturnType() != ResponseEntity.class) {
			throw new IllegalStateException(handler.getShortLogMessage() + " is served directly but does not return a ResponseEntity");
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith(PREFIX) && PLAIN_PATH.matcher(path).matches()) {
			PathContainer container = PathContainer.parsePath(path);
			for (Route route : this.routes) {
				if (route.methods().contains(request.getMethod())) {
					PathPattern.PathMatchInfo match = route.pattern().matchAndExtract(container);
					if (match != null) {
						serve(route, match.getUriVariables(), request, response);
						return;
					}
				}
			}
		}
		chain.doFilter(request, response);
	}

	private void serve(Route route, Map<String, String> variables, HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent(context -> context.setPathPattern(route.pattern().getPatternString()));
		SECURITY_HEADERS.forEach(response::setHeader);
		HandlerMethod handler = route.handler();
		Method method = handler.getMethod();
		String[] names = route.arguments();
		Object[] arguments = new Object[names.length];
		for (int i = 0; i < names.length; i++) {
			arguments[i] = names[i] == null ? request : variables.get(names[i]);
		}
		Object answer;
		try {
			answer = method.invoke(handler.getBean(), arguments);
		}
		catch (InvocationTargetException ex) {
			refuse(handler, ex.getCause(), request, response);
			return;
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
		write((ResponseEntity<?>) answer, response);
	}

	/** Per parameter the path variable it takes, or null for the request; read once, not per call. */
	private static String[] arguments(Method method) {
		ReflectionUtils.makeAccessible(method);
		Parameter[] parameters = method.getParameters();
		String[] names = new String[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			names[i] = parameters[i].getType() == HttpServletRequest.class ? null : variableName(parameters[i]);
		}
		return names;
	}

	private static String variableName(Parameter parameter) {
		PathVariable variable = parameter.getAnnotation(PathVariable.class);
		if (!variable.name().isEmpty()) {
			return variable.name();
		}
		return variable.value().isEmpty() ? parameter.getName() : variable.value();
	}

	/** As the dispatch would: the application's exception handlers answer; what none answers is thrown on. */
	private void refuse(HandlerMethod handler, Throwable thrown, HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		if (!(thrown instanceof Exception ex)) {
			throw new ServletException(thrown);
		}
		ModelAndView view = this.resolver.getObject().resolveException(request, response, handler, ex);
		if (view == null) {
			throw new ServletException(ex);
		}
		if (!view.isEmpty()) {
			// a page view for a provider: never expected, so answered as a server error without a page
			response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
		}
	}

	private static void write(ResponseEntity<?> answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.getStatusCode().value());
		answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		Object body = answer.getBody();
		if (body == null) {
			return;
		}
		if (!(body instanceof String text)) {
			throw new IllegalStateException("A directly served webhook answers with text or nothing, not " + body.getClass());
		}
		if (answer.getHeaders().getContentType() != null && answer.getHeaders().getContentType().getCharset() == null) {
			response.setContentType(answer.getHeaders().getContentType() + ";charset=UTF-8");
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	/** A route served here: its pattern, HTTP methods and handler. */
	record Route(PathPattern pattern, Set<String> methods, HandlerMethod handler, String[] arguments) {
	}

}
