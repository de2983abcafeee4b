package org.linea.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a route needs (any one of several, when more are given). Every handler method of
 * Linea carries it, on the method or on its controller class; a handler without it is refused
 * ({@link RouteGuard}) and fails {@code RoutePermissionMatrixTests}. The route only checks that the
 * user holds the permission in some organisation; the service then checks it on the organisation the
 * request is about, with {@link Access}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Requires {

	Permission[] value();

}
