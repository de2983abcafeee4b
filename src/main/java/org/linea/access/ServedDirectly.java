package org.linea.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A provider's webhook handler that {@link DirectRoutes} calls before the Spring MVC dispatch and the
 * security filter chain: the calls that come thousands a second. It stays a mapped route with its
 * {@link Requires}, so the route walk sees it; only a {@link Permission#PUBLIC} route under
 * {@code /webhooks/} may carry it (the node refuses to start otherwise), and its parameters may only be
 * {@code @PathVariable String}s and the {@code HttpServletRequest}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ServedDirectly {

}
