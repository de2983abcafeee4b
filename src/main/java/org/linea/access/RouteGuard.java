package org.linea.access;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linea.access.CurrentUser;
import org.linea.access.LineaUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Deny by default: a Linea handler runs only if it declares its permission with {@link Requires} and
 * the user holds that permission somewhere. The organisation-specific check follows in the service.
 */
public class RouteGuard implements HandlerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(RouteGuard.class);

	private static final String OWN_PACKAGE = "org.linea.";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !isLinea(method)) {
			return true;
		}
		Permission[] needed = declared(method);
		if (needed == null) {
			log.error("Refused {} {}: the handler {} declares no permission", request.getMethod(), request.getRequestURI(),
					method.getShortLogMessage());
			throw new AccessDeniedException("This route declares no permission");
		}
		for (Permission permission : needed) {
			if (permission == Permission.PUBLIC) {
				return true;
			}
		}
		LineaUser me = CurrentUser.require();
		for (Permission permission : needed) {
			if (me.canSomewhere(permission)) {
				return true;
			}
		}
		throw new AccessDeniedException("Your roles do not allow this");
	}

	static boolean isLinea(HandlerMethod method) {
		return method.getBeanType().getName().startsWith(OWN_PACKAGE);
	}

	/** What each handler declares, read once: merging annotations on every request cost a few per cent of a webhook. */
	private static final Map<Handler, Optional<Permission[]>> DECLARED = new ConcurrentHashMap<>();

	/** The permissions a handler declares, on the method or else on its class; null when none. */
	public static Permission[] declared(HandlerMethod method) {
		return DECLARED.computeIfAbsent(new Handler(method.getBeanType(), method.getMethod()), handler -> Optional.ofNullable(read(method)))
			.map(Permission[]::clone)
			.orElse(null);
	}

	private static Permission[] read(HandlerMethod method) {
		Requires onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Requires.class);
		if (onMethod != null) {
			return onMethod.value();
		}
		Requires onClass = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Requires.class);
		return onClass == null ? null : onClass.value();
	}

	private record Handler(Class<?> beanType, Method method) {
	}

}
