package org.linea.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A language as ISO 639 names it, in lowercase: a two-letter code the JDK knows ({@code es},
 * {@code qu}, {@code ht}) or a three-letter one ({@code quz}). Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = LanguageCode.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageCode {

	String message() default "{linea.validation.language}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<LanguageCode, String> {

		private static final Set<String> TWO_LETTER = Set.of(Locale.getISOLanguages());

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || TWO_LETTER.contains(value) || value.matches("[a-z]{3}");
		}

	}

}
