package org.linea.survey;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The survey pages: a line's surveys and the import, and a survey's results, invitations and exports. */
@Controller
@Requires(Permission.SURVEY_MANAGE)
class SurveyController {

	private final SurveyService surveys;

	private final LineService lines;

	private final MessageSource messages;

	SurveyController(SurveyService surveys, LineService lines, MessageSource messages) {
		this.surveys = surveys;
		this.lines = lines;
		this.messages = messages;
	}

	@GetMapping("/surveys")
	String choose(Model model) {
		List<Line> mine = this.lines.accessibleLines(Permission.SURVEY_MANAGE);
		if (mine.size() == 1) {
			return "redirect:/surveys/lines/" + mine.getFirst().key();
		}
		model.addAttribute("lines", mine);
		return "survey/lines";
	}

	@GetMapping("/surveys/lines/{lineKey}")
	String list(@PathVariable String lineKey, Model model, Locale locale) {
		model.addAttribute("surveys", this.surveys.surveys(lineKey));
		model.addAttribute("readyMade", SurveyService.READY_MADE);
		SurveyForm closing = ClosingFlow.form();
		model.addAttribute("closingQuestions",
				closing.answerable().stream().map(q -> q.label(locale.getLanguage(), closing.defaultLanguage())).toList());
		model.addAttribute("line", this.lines.requireAccess(lineKey, Permission.SURVEY_MANAGE));
		return "survey/list";
	}

	@PostMapping("/surveys/lines/{lineKey}")
	String importForm(@PathVariable String lineKey, @RequestParam("file") MultipartFile file, RedirectAttributes redirect,
			Locale locale) throws IOException {
		try {
			long id = this.surveys.importForm(lineKey, file.getBytes());
			redirect.addFlashAttribute("notice", "survey.list.imported");
			return "redirect:/surveys/" + id;
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("problems", FormProblems.describe(ex.problems(), this.messages, locale));
			return "redirect:/surveys/lines/" + lineKey;
		}
	}

	/** Adds a form shipped with Linea (the information-needs survey) to the line. */
	@PostMapping("/surveys/lines/{lineKey}/ready-made")
	String addReadyMade(@PathVariable String lineKey, @RequestParam String name, RedirectAttributes redirect) {
		long id = this.surveys.addReadyMade(lineKey, name);
		redirect.addFlashAttribute("notice", "survey.list.readyMadeAdded");
		return "redirect:/surveys/" + id;
	}

	/** The closing questions every interaction ends with: the XLSForm the survey engine runs, to read or translate. */
	@GetMapping("/surveys/lines/{lineKey}/closing-questions")
	ResponseEntity<byte[]> closingQuestions(@PathVariable String lineKey) {
		this.lines.requireAccess(lineKey, Permission.SURVEY_MANAGE);
		SurveyForm closing = ClosingFlow.form();
		return SurveyApiController.xlsform(closing.formId(), "-" + closing.version(), ClosingFlow.formFile());
	}

	@GetMapping("/surveys/{id}")
	String results(@PathVariable long id, Model model, Locale locale) {
		SurveyResults results = this.surveys.results(id, locale.getLanguage());
		model.addAttribute("results", results);
		model.addAttribute("line", this.lines.get(results.survey().lineId()));
		model.addAttribute("nextVersion", this.surveys.nextVersion(id).orElse(null));
		model.addAttribute("templates", this.surveys.invitationTemplates(id));
		return "survey/results";
	}

	/** The waves and the answers, refreshed on the page as results arrive. */
	@GetMapping("/surveys/{id}/answers")
	String answers(@PathVariable long id, Model model, Locale locale) {
		model.addAttribute("results", this.surveys.results(id, locale.getLanguage()));
		return "survey/results :: answers";
	}

	/** The charts' data. */
	@GetMapping(path = "/surveys/{id}/charts", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<SurveyResults.Chart> charts(@PathVariable long id, Locale locale) {
		return this.surveys.results(id, locale.getLanguage()).charts();
	}

	@RedirectOnRefusal("/surveys/{id}")
	@PostMapping("/surveys/{id}/invitations")
	String invite(@PathVariable long id, @RequestParam(defaultValue = "") String phones,
			@RequestParam(required = false) Integer cohortOfWave, @RequestParam(defaultValue = "") String template,
			RedirectAttributes redirect) {
		List<String> numbers = Arrays.stream(phones.split("[\\s,;]+")).filter(p -> !p.isBlank()).toList();
		// "name:language" of an approved template without parameters, for people outside WhatsApp's window
		int colon = template.lastIndexOf(':');
		Invitation.TemplateRef ref = template.isBlank() ? null
				: new Invitation.TemplateRef(colon < 0 ? template : template.substring(0, colon), colon < 0 ? null : template.substring(colon + 1),
						List.of());
		Invited invited = this.surveys.invite(id, new Invitation(numbers.isEmpty() ? null : numbers, null, null, cohortOfWave, ref));
		redirect.addFlashAttribute("invited", invited);
		return "redirect:/surveys/" + id;
	}

	@GetMapping("/surveys/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "csv") String format, Locale locale) {
		ResultsFiles file = ResultsFiles.of(format);
		return SurveyApiController.download(this.surveys.exportResults(id, locale.getLanguage(), file.extension), file);
	}

	/** The form as an XLSForm, to edit in a spreadsheet or Kobo and import again. */
	@GetMapping("/surveys/{id}/xlsform")
	ResponseEntity<byte[]> xlsform(@PathVariable long id) {
		return SurveyApiController.xlsform(this.surveys.survey(id), this.surveys.exportXlsform(id));
	}

}
