package org.linea.feedback.log;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The scope and dates a reader picked; blank means the first scope and the last seven days. */
public record LogForm(String scope, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Integer page) {

	public int pageNumber() {
		return this.page == null || this.page < 0 ? 0 : this.page;
	}

}
