package org.linea.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.linea.channel.OutboundContent;

/**
 * A question as a message: up to three short choices as reply buttons, up to ten as a list, more as
 * numbered text; several answers always as numbered text (a button takes one). Channels without
 * buttons or lists (SMS) number the options themselves.
 */
final class Prompts {

	private static final int INTERACTIVE_BODY = 1024;

	private static final int TEXT_BODY = 4096;

	private static final int ROW_DESCRIPTION = 72;

	private Prompts() {
	}

	/**
	 * @param text the survey's message bundle in the person's language: key and arguments to text
	 */
	static OutboundContent question(SurveyForm form, Question question, List<Choice> choices, String language,
			BiFunction<String, Object[], String> text) {
		StringBuilder body = new StringBuilder(question.label(language, form.defaultLanguage()));
		String hint = question.hint(language, form.defaultLanguage());
		if (hint != null) {
			body.append('\n').append(hint);
		}
		if (!question.required() && question.type() != QuestionType.NOTE) {
			body.append('\n').append(text.apply("survey.prompt.optional", new Object[0]));
		}
		if (question.type() == QuestionType.SELECT_MULTIPLE) {
			body.append('\n').append(text.apply("survey.prompt.several", new Object[0]));
			return OutboundContent.text(cut(numbered(body, choices, language, form), TEXT_BODY));
		}
		if (question.type() != QuestionType.SELECT_ONE) {
			return OutboundContent.text(cut(body.toString(), TEXT_BODY));
		}
		List<String> labels = choices.stream().map(c -> c.label(language, form.defaultLanguage())).toList();
		if (choices.size() <= 3 && labels.stream().allMatch(l -> l.length() <= Replies.BUTTON_TITLE)) {
			List<OutboundContent.Choice> buttons = new ArrayList<>();
			for (int i = 0; i < choices.size(); i++) {
				buttons.add(new OutboundContent.Choice(choices.get(i).name(), labels.get(i), null));
			}
			return new OutboundContent.Buttons(cut(body.toString(), INTERACTIVE_BODY), buttons);
		}
		if (choices.size() <= 10) {
			List<OutboundContent.Choice> rows = new ArrayList<>();
			for (int i = 0; i < choices.size(); i++) {
				String label = labels.get(i);
				rows.add(new OutboundContent.Choice(choices.get(i).name(), Replies.title(label, Replies.ROW_TITLE),
						label.length() > Replies.ROW_TITLE ? cut(label, ROW_DESCRIPTION) : null));
			}
			String button = Replies.title(text.apply("survey.prompt.listButton", new Object[0]), Replies.BUTTON_TITLE);
			return new OutboundContent.Options(cut(body.toString(), INTERACTIVE_BODY), button, rows);
		}
		return OutboundContent.text(cut(numbered(body, choices, language, form), TEXT_BODY));
	}

	private static String numbered(StringBuilder body, List<Choice> choices, String language, SurveyForm form) {
		StringBuilder text = new StringBuilder(body);
		for (int i = 0; i < choices.size(); i++) {
			text.append('\n').append(i + 1).append(". ").append(choices.get(i).label(language, form.defaultLanguage()));
		}
		return text.toString();
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
