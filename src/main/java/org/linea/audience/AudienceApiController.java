package org.linea.audience;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.access.LineService;
import org.linea.knowledge.BankFile;
import org.linea.knowledge.ImportFailedException;
import org.linea.knowledge.ImportProblems;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** People with their consent evidence, and the size of an audience before anything is sent. */
@RestController
@RequestMapping("/api/lines/{lineKey}")
@Tag(name = "Audiences", description = "People imported with their consent, and who an audience reaches")
@Requires(Permission.AUDIENCE_MANAGE)
class AudienceApiController {

	private final ContactImport imports;

	private final AudienceService audiences;

	private final LineService lines;

	private final MessageSource messages;

	AudienceApiController(ContactImport imports, AudienceService audiences, LineService lines, MessageSource messages) {
		this.imports = imports;
		this.audiences = audiences;
		this.lines = lines;
		this.messages = messages;
	}

	@PostMapping(path = "/contacts/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import people with their consent (form field 'file', .csv or .xlsx); all rows or none",
			description = "Columns phone (E.164), language (one of the line's), consent (purposes separated by |, e.g. "
					+ "BROADCASTS|SURVEYS) and optional tags (separated by |) and location. Each purpose is written to the "
					+ "consent ledger as GIVEN with the source, time (consentedAt, default now) and wordingVersion. "
					+ "A file with any bad row is refused with 400 and every problem by row number; nothing is imported.")
	ContactImport.Result importFile(@PathVariable String lineKey, @RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String source, @RequestParam(required = false) String wordingVersion,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant consentedAt)
			throws IOException {
		byte[] content = file.getBytes();
		return this.imports.importFile(lineKey, BankFile.detect(file.getOriginalFilename(), content), new ByteArrayInputStream(content),
				file.getOriginalFilename(), source, wordingVersion, consentedAt);
	}

	@PostMapping("/audiences/count")
	@Operation(summary = "How many people an audience reaches now, e.g. {\"consent\": \"BROADCASTS\", \"languages\": [\"es\"]}")
	Count count(@PathVariable String lineKey, @RequestBody Audience audience) {
		return new Count(this.audiences.count(this.lines.requireAccess(lineKey, Permission.AUDIENCE_MANAGE), audience));
	}

	record Count(long count) {
	}

	@ExceptionHandler(ImportFailedException.class)
	ProblemDetail importFailed(ImportFailedException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setProperty("problems", ImportProblems.describe(ex.problems(), "audience.import.", this.messages, locale));
		return problem;
	}

}
