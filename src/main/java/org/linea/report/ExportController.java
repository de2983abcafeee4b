package org.linea.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.linea.access.Requires;
import org.linea.access.Permission;
import org.linea.feedback.LineScope;
import org.linea.feedback.LineScopes;
import org.linea.feedback.log.LogForm;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Downloads of the feedback log. */
@Controller
@Requires(Permission.REPORT_READ)
class ExportController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final LineScopes scopes;

	private final LogExports exports;

	ExportController(LineScopes scopes, LogExports exports) {
		this.scopes = scopes;
		this.exports = exports;
	}

	@GetMapping("/report/export/log.xlsx")
	void xlsx(LogForm form, Locale locale, HttpServletResponse response) throws IOException {
		LineScope scope = this.scopes.resolve(form.scope(), form.from(), form.to());
		download(response, XLSX, fileName(scope, "xlsx"));
		this.exports.xlsx(scope, locale, response.getOutputStream());
	}

	@GetMapping("/report/export/log.csv")
	void csv(LogForm form, @RequestParam(defaultValue = "false") boolean hxl, Locale locale, HttpServletResponse response)
			throws IOException {
		LineScope scope = this.scopes.resolve(form.scope(), form.from(), form.to());
		download(response, "text/csv;charset=UTF-8", fileName(scope, "csv"));
		this.exports.csv(scope, hxl, locale, response.getOutputStream());
	}

	static void download(HttpServletResponse response, String contentType, String fileName) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	private static String fileName(LineScope scope, String extension) {
		return "feedback-log-" + scope.key().replace(':', '-') + "-" + scope.from() + "-" + scope.to() + "." + extension;
	}

}
