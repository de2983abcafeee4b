package org.linea.survey;

import java.util.List;

/** An XLSForm with problems: nothing of it was imported. */
public class FormRejectedException extends RuntimeException {

	private final List<FormProblem> problems;

	public FormRejectedException(List<FormProblem> problems) {
		super(problems.size() + " problem(s) in the form; nothing was imported");
		this.problems = List.copyOf(problems);
	}

	public List<FormProblem> problems() {
		return this.problems;
	}

}
