package org.linea.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.access.Line;
import org.linea.access.LineService;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The survey page that builds a form from scratch and edits one: settings, questions (type, name,
 * texts per language, required, relevance, constraint), choice lists. A saved form is checked as an
 * imported XLSForm is; problems come back on the page by question and choice.
 */
@Controller
@Requires(Permission.SURVEY_MANAGE)
class SurveyBuilderController {

	private static final int UNPROCESSABLE = 422;

	static final List<String> TYPES = List.of("select_one", "select_multiple", "integer", "decimal", "text", "date", "note");

	private final SurveyService surveys;

	private final LineService lines;

	private final MessageSource messages;

	SurveyBuilderController(SurveyService surveys, LineService lines, MessageSource messages) {
		this.surveys = surveys;
		this.lines = lines;
		this.messages = messages;
	}

	@GetMapping("/surveys/lines/{lineKey}/new")
	String create(@PathVariable String lineKey, Model model) {
		Line line = this.lines.requireAccess(lineKey, Permission.SURVEY_MANAGE);
		return page(model, line, null, this.surveys.newDraft(lineKey), null);
	}

	@PostMapping("/surveys/lines/{lineKey}/new")
	String save(@PathVariable String lineKey, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		Line line = this.lines.requireAccess(lineKey, Permission.SURVEY_MANAGE);
		SurveyDraft draft = BuilderForm.read(params);
		try {
			long id = this.surveys.create(lineKey, draft);
			redirect.addFlashAttribute("notice", "survey.builder.created");
			return "redirect:/surveys/" + id;
		}
		catch (DraftRejectedException ex) {
			response.setStatus(UNPROCESSABLE);
			return page(model, line, null, draft, BuilderProblems.of(ex, draft, this.messages, locale));
		}
	}

	@GetMapping("/surveys/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		SurveySummary survey = this.surveys.survey(id);
		return page(model, this.lines.get(survey.lineId()), survey, this.surveys.draft(id), null);
	}

	@PostMapping("/surveys/{id}/edit")
	String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		SurveySummary survey = this.surveys.survey(id);
		SurveyDraft draft = BuilderForm.read(params);
		try {
			long saved = this.surveys.edit(id, draft);
			redirect.addFlashAttribute("notice", saved == id ? "survey.builder.saved" : "survey.builder.versioned");
			return "redirect:/surveys/" + saved;
		}
		catch (DraftRejectedException ex) {
			response.setStatus(UNPROCESSABLE);
			return page(model, this.lines.get(survey.lineId()), survey, draft, BuilderProblems.of(ex, draft, this.messages, locale));
		}
	}

	/** A blank question to add to the page, with text fields in the page's languages. */
	@GetMapping("/surveys/lines/{lineKey}/new/question")
	String question(@PathVariable String lineKey, @RequestParam(required = false) List<String> languages, Model model) {
		SurveyDraft draft = withLanguages(lineKey, languages);
		model.addAttribute("draft", draft);
		model.addAttribute("q", new SurveyDraft.DraftQuestion("text", "", "", "", new LinkedHashMap<>(), new LinkedHashMap<>(), "no",
				new LinkedHashMap<>(), "", "", new LinkedHashMap<>(), "", ""));
		model.addAttribute("i", -1);
		model.addAttribute("types", TYPES);
		model.addAttribute("invalid", Set.of());
		return "survey/builder-parts :: question";
	}

	/** A blank choice to add to the page. */
	@GetMapping("/surveys/lines/{lineKey}/new/choice")
	String choice(@PathVariable String lineKey, @RequestParam(required = false) List<String> languages,
			@RequestParam(defaultValue = "") String list, Model model) {
		SurveyDraft draft = withLanguages(lineKey, languages);
		model.addAttribute("draft", draft);
		model.addAttribute("c", new SurveyDraft.DraftChoice(list.strip(), "", new LinkedHashMap<>(), new LinkedHashMap<>()));
		model.addAttribute("i", -1);
		model.addAttribute("invalid", Set.of());
		return "survey/builder-parts :: choice";
	}

	/** The page's languages as posted (a form being edited may have more than the line), else the line's. */
	private SurveyDraft withLanguages(String lineKey, List<String> languages) {
		SurveyDraft line = this.surveys.newDraft(lineKey);
		if (languages == null || languages.isEmpty()) {
			return line;
		}
		LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.put("languages", languages);
		return BuilderForm.read(params);
	}

	private String page(Model model, Line line, SurveySummary survey, SurveyDraft draft, BuilderProblems problems) {
		model.addAttribute("line", line);
		model.addAttribute("survey", survey);
		model.addAttribute("draft", draft);
		model.addAttribute("types", TYPES);
		model.addAttribute("problems", problems == null ? List.of() : problems.messages());
		model.addAttribute("invalid", problems == null ? Set.of() : problems.invalid());
		return "survey/builder";
	}

}
