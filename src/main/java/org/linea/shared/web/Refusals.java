package org.linea.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a refused page action hands back to the page it returns to, so the person does not type it
 * again (a draft, the form's values): kept before acting, given to the next page only when the action
 * is refused.
 */
public final class Refusals {

	private static final String KEPT = Refusals.class.getName() + ".kept";

	private Refusals() {
	}

	/** Hands {@code value} to the next page as {@code name} should this request be refused. */
	public static void keep(String name, Object value) {
		keep(name, () -> value);
	}

	/** As {@link #keep(String, Object)}, working the value out only when the request is refused. */
	public static void keep(String name, Supplier<?> value) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			kept(request).put(name, value);
		}
	}

	/** The values kept for this request, worked out. */
	public static Map<String, Object> kept() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		Map<String, Object> values = new LinkedHashMap<>();
		if (request != null) {
			kept(request).forEach((name, value) -> values.put(name, value.get()));
		}
		return values;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Supplier<?>> kept(RequestAttributes request) {
		Object found = request.getAttribute(KEPT, RequestAttributes.SCOPE_REQUEST);
		if (found == null) {
			found = new LinkedHashMap<String, Supplier<?>>();
			request.setAttribute(KEPT, found, RequestAttributes.SCOPE_REQUEST);
		}
		return (Map<String, Supplier<?>>) found;
	}

}
