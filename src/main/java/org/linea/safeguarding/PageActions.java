package org.linea.safeguarding;


import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A form's action on a safeguarding page: its notice when done, or the rule it broke, shown on the page it returns to. */
final class PageActions {

	private PageActions() {
	}

	/** The line asked for among those the user sets up, else the first of them (null when none). */
	static org.linea.access.Line chosen(java.util.List<org.linea.access.Line> managed, String key) {
		return managed.stream().filter(l -> l.key().equals(key)).findFirst().orElse(managed.isEmpty() ? null : managed.getFirst());
	}

	/** A refusal is shown where the controller's {@code @RedirectOnRefusal} sends the person. */
	static void attempt(RedirectAttributes redirect, String notice, Runnable action) {
		action.run();
		redirect.addFlashAttribute("notice", notice);
	}

}
