package org.linea.knowledge;

import java.util.List;

/** A bank file with problems: nothing of it was imported. */
public class ImportFailedException extends RuntimeException {

	private final List<ImportProblem> problems;

	public ImportFailedException(List<ImportProblem> problems) {
		super(problems.size() + " problem(s) in the file; nothing was imported");
		this.problems = List.copyOf(problems);
	}

	public List<ImportProblem> problems() {
		return this.problems;
	}

}
