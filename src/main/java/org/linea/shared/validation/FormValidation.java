package org.linea.shared.validation;

import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.linea.shared.InvalidRequestException;

import org.springframework.stereotype.Component;

/**
 * Checks a form against its Bean Validation constraints in the service that acts on it, whoever
 * calls (a page, the API, a start-up task): a broken constraint is a 400 saying, in the reader's
 * language, what to fix, and never reaches the database's own checks.
 */
@Component
public class FormValidation {

	private final Validator validator;

	FormValidation(Validator validator) {
		this.validator = validator;
	}

	public <T> T valid(T form) {
		var violations = this.validator.validate(form);
		if (!violations.isEmpty()) {
			// the constraints' messages are already in the reader's language
			throw new InvalidRequestException("error.form.invalid", violations.stream()
				.map(ConstraintViolation::getMessage)
				.distinct()
				.sorted()
				.collect(Collectors.joining(" ")));
		}
		return form;
	}

}
