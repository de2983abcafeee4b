package org.linea.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/** Problems of a refused XLSForm in the reader's language, each naming sheet, row and column. */
final class FormProblems {

	private FormProblems() {
	}

	static List<Map<String, Object>> describe(List<FormProblem> problems, MessageSource messages, Locale locale) {
		return problems.stream().map(problem -> {
			String what = messages.getMessage("survey.import." + problem.code(), new Object[] { problem.value() }, locale);
			Map<String, Object> described = new LinkedHashMap<>();
			described.put("sheet", problem.sheet());
			described.put("row", problem.row());
			described.put("column", problem.column());
			described.put("code", problem.code());
			described.put("message", messages.getMessage("survey.import.where",
					new Object[] { problem.sheet(), String.valueOf(problem.row()), problem.column(), what }, locale));
			return described;
		}).toList();
	}

}
