package org.linea.survey;

import java.util.List;

/** A form written on the survey page with problems: nothing was saved. The problems name rows of the file it makes. */
class DraftRejectedException extends FormRejectedException {

	private final transient XlsFormWriter.Written written;

	DraftRejectedException(List<FormProblem> problems, XlsFormWriter.Written written) {
		super(problems);
		this.written = written;
	}

	/** Where each row of the written file came from on the page. */
	XlsFormWriter.Written written() {
		return this.written;
	}

}
