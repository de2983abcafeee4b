package org.linea.survey;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.linea.access.Permission;
import org.linea.access.Requires;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Surveys", description = "Surveys from XLSForms over WhatsApp and SMS")
@Requires(Permission.SURVEY_MANAGE)
class SurveyApiController {

	private final SurveyService surveys;

	private final MessageSource messages;

	SurveyApiController(SurveyService surveys, MessageSource messages) {
		this.surveys = surveys;
		this.messages = messages;
	}

	@PostMapping(path = "/api/lines/{lineKey}/surveys", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import an XLSForm (form field 'file', .xlsx with survey, choices and settings sheets)",
			description = "A broken form is refused whole with 400 and every problem by sheet, row and column.")
	Created importForm(@PathVariable String lineKey, @RequestPart("file") MultipartFile file) throws IOException {
		return new Created(this.surveys.importForm(lineKey, file.getBytes()));
	}

	@GetMapping("/api/lines/{lineKey}/surveys")
	@Operation(summary = "The line's surveys, newest first")
	List<SurveySummary> list(@PathVariable String lineKey) {
		return this.surveys.surveys(lineKey);
	}

	@PostMapping("/api/surveys/{id}/invitations")
	@Operation(summary = "Send the survey to phones ({\"phones\": [...]}) or to an audience ({\"audience\": {...}})",
			description = "Without 'wave' a new wave starts; 'cohortOfWave' asks everyone of an earlier wave again. "
					+ "People taking another survey, opted out, or outside WhatsApp's 24-hour window are skipped.")
	Invited invite(@PathVariable long id, @RequestBody Invitation invitation) {
		return this.surveys.invite(id, invitation);
	}

	@GetMapping("/api/surveys/{id}/results")
	@Operation(summary = "One row per respondent and wave, columns by the form's names (format=csv or xlsx); never a phone number")
	ResponseEntity<byte[]> results(@PathVariable long id, @RequestParam(defaultValue = "csv") String format, Locale locale) {
		ResultsFiles file = ResultsFiles.of(format);
		return download(this.surveys.exportResults(id, locale.getLanguage(), file.extension), file);
	}

	@GetMapping("/api/surveys/{id}/xlsform")
	@Operation(summary = "The survey's form as an XLSForm (.xlsx with survey, choices and settings sheets)",
			description = "Written from the form as it stands (imported or built on the survey page); importing it gives the same form.")
	ResponseEntity<byte[]> xlsform(@PathVariable long id) {
		return xlsform(this.surveys.survey(id), this.surveys.exportXlsform(id));
	}

	static ResponseEntity<byte[]> xlsform(SurveySummary survey, byte[] xlsx) {
		return xlsform(survey.formId(), survey.version().isBlank() ? "" : "-v" + survey.version(), xlsx);
	}

	/** An XLSForm as a download named {@code formId + suffix + .xlsx}. */
	static ResponseEntity<byte[]> xlsform(String formId, String suffix, byte[] xlsx) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(ResultsFiles.XLSX.mediaType))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(formId + suffix + ".xlsx")
				.build()
				.toString())
			.body(xlsx);
	}

	static ResponseEntity<byte[]> download(SurveyResults results, ResultsFiles file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(results.survey().formId() + "-results." + file.extension)
				.build()
				.toString())
			.body(file.write(results));
	}

	@ExceptionHandler(FormRejectedException.class)
	ProblemDetail rejected(FormRejectedException ex, Locale locale) {
		List<Map<String, Object>> problems = FormProblems.describe(ex.problems(), this.messages, locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("survey.import.rejected", null, locale) + " " + problems.get(0).get("message"));
		problem.setProperty("problems", problems);
		return problem;
	}

	record Created(long id) {
	}

}
