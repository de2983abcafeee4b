package org.linea.knowledge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.linea.access.Requires;
import org.linea.access.Permission;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/lines/{lineKey}/knowledge")
@Tag(name = "Knowledge bank", description = "A line's questions and answers and key messages")
class KnowledgeApiController {

	private final KnowledgeService knowledge;

	private final PhrasingService phrasings;

	private final MessageSource messages;

	KnowledgeApiController(KnowledgeService knowledge, PhrasingService phrasings, MessageSource messages) {
		this.knowledge = knowledge;
		this.phrasings = phrasings;
		this.messages = messages;
	}

	@Requires(Permission.KNOWLEDGE_READ)
	@GetMapping
	@Operation(summary = "Every entry of the line's bank, with status and version")
	List<KnowledgeEntry> entries(@PathVariable String lineKey) {
		return this.knowledge.entries(lineKey);
	}

	@Requires(Permission.KNOWLEDGE_READ)
	@GetMapping("/entries/{key}")
	@Operation(summary = "One entry")
	KnowledgeEntry entry(@PathVariable String lineKey, @PathVariable String key) {
		return this.knowledge.entry(lineKey, key);
	}

	@Requires(Permission.KNOWLEDGE_EDIT)
	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a .csv or .xlsx bank file (form field 'file'); all rows or none",
			description = "Rows are matched to entries by id. With validate=true every imported entry is validated; "
					+ "otherwise the status column decides, and new entries without one are drafts.")
	ImportResult importFile(@PathVariable String lineKey, @RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean validate) throws IOException {
		byte[] content = file.getBytes();
		return this.knowledge.importBank(lineKey, BankFile.detect(file.getOriginalFilename(), content),
				new ByteArrayInputStream(content), validate);
	}

	@Requires(Permission.KNOWLEDGE_EDIT)
	@PostMapping(path = "/import", consumes = { "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@Operation(summary = "Import a bank file sent as the request body (Content-Type text/csv or the .xlsx type)")
	ImportResult importBody(@PathVariable String lineKey, @RequestBody byte[] content,
			@RequestParam(defaultValue = "false") boolean validate) {
		return this.knowledge.importBank(lineKey, BankFile.detect(null, content), new ByteArrayInputStream(content), validate);
	}

	@Requires(Permission.KNOWLEDGE_EDIT)
	@PostMapping(path = "/phrasings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import labelled phrasings of entries (form field 'file', a .csv with columns text,entry); all rows or none",
			description = "Each row says one way people ask what an entry answers. Every row is checked first: an empty text, "
					+ "a text over 1000 characters or an entry the line does not have stops the whole import, with every problem "
					+ "listed. The import is the review (the caller may edit the bank), so imported phrasings are approved and "
					+ "join the bot's index at once; a phrasing the entry already has is counted as unchanged.")
	PhrasingImport importPhrasings(@PathVariable String lineKey, @RequestPart("file") MultipartFile file) throws IOException {
		byte[] content = file.getBytes();
		return this.phrasings.importPhrasings(lineKey, BankFile.detect(file.getOriginalFilename(), content),
				new ByteArrayInputStream(content));
	}

	@Requires(Permission.KNOWLEDGE_READ)
	@GetMapping("/export")
	@Operation(summary = "The whole bank as .csv or .xlsx, every column, ready to import again")
	ResponseEntity<byte[]> export(@PathVariable String lineKey, @RequestParam(defaultValue = "xlsx") String format) {
		return download(this.knowledge, lineKey, format);
	}

	/** The bank as a file to download, for the API and the page. */
	static ResponseEntity<byte[]> download(KnowledgeService knowledge, String lineKey, String format) {
		BankFile file = BankFile.of(format);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		knowledge.export(lineKey, file, body);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(lineKey + "-knowledge." + file.extension()).build().toString())
			.body(body.toByteArray());
	}

	@ExceptionHandler(ImportFailedException.class)
	ProblemDetail importFailed(ImportFailedException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setProperty("problems", ImportProblems.describe(ex.problems(), this.messages, locale));
		return problem;
	}

}
