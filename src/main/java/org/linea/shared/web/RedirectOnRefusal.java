package org.linea.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a page action sends the person when it is refused (a {@code LocalizedException}): the
 * refusal is shown there, translated, as the page's error. {@code {name}} is filled from the path
 * variable of that name, else the request parameter. Without it the person goes back to the page
 * they came from (the Referer, when it is a page of Linea).
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RedirectOnRefusal {

	/** A path in the application, e.g. {@code /broadcasts/{id}} or {@code /teams?line={lineKey}}. */
	String value();

}
