package org.linea.web;

import org.linea.shared.LocalizedException;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The status a refusal declares with {@link ResponseStatus} (400 when it declares none). */
final class ErrorStatus {

	private ErrorStatus() {
	}

	static HttpStatus of(LocalizedException ex) {
		ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
		return declared == null ? HttpStatus.BAD_REQUEST : declared.code();
	}

}
