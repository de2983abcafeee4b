package org.linea.web;

import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.linea.shared.LocalizedException;
import org.linea.shared.Messages;
import org.linea.shared.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** API errors as RFC 9457 problem details, each saying what to fix. Before {@link PageErrorHandler}. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final Messages messages;

	ApiExceptionHandler(Messages messages) {
		this.messages = messages;
	}

	/**
	 * A refusal in the language the client asks for (Accept-Language, English when it asks for none
	 * Linea speaks), with its message key as {@code code} for clients that decide on it.
	 */
	@ExceptionHandler(LocalizedException.class)
	ProblemDetail refused(LocalizedException ex, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ErrorStatus.of(ex), this.messages.of(ex, apiLocale(request)));
		problem.setProperty("code", ex.messageKey());
		return problem;
	}

	static Locale apiLocale(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		if (header != null && !header.isBlank()) {
			try {
				Locale found = Locale.lookup(Locale.LanguageRange.parse(header), WebConfiguration.SUPPORTED);
				if (found != null) {
					return found;
				}
			}
			catch (IllegalArgumentException ex) {
				// a header that does not parse asks for nothing
			}
		}
		return Locale.ENGLISH;
	}

	/** 404 with what was not found, in the client's language (no {@code code}: the answer's shape stays as it was). */
	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex, HttpServletRequest request) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, this.messages.of(ex, apiLocale(request)));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String fields = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> error.getField() + ": " + error.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: " + fields));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape"));
	}

}
