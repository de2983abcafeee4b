package org.linea.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.linea.shared.Messages;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A write the database's own rules refuse (a check, a reference, a uniqueness the code did not test
 * first) is the caller's bad input, not a server error: 400. The log names the rule, never the row,
 * which would print what a person wrote or who they are.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class DatabaseRefusalHandler {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRefusalHandler.class);

	private final Messages messages;

	DatabaseRefusalHandler(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	void refused(DataIntegrityViolationException ex, HttpServletResponse response) throws IOException {
		log.warn("Refused a change the database does not allow: constraint={}", constraintOf(ex));
		response.sendError(HttpServletResponse.SC_BAD_REQUEST, this.messages.get("linea.validation.refused"));
	}

	private static String constraintOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
				String constraint = psql.getServerErrorMessage().getConstraint();
				return constraint == null ? psql.getSQLState() : constraint;
			}
		}
		return "(unknown)";
	}

}
