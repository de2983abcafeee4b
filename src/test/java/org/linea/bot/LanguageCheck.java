package org.linea.bot;

import org.linea.knowledge.MessageLanguage;
import java.nio.file.Path;
import java.util.List;

/** Prints the messages whose language is detected wrongly (a tuning aid; not for held-out sets). */
class LanguageCheck {

	public static void main(String[] args) throws Exception {
		MessageLanguage languages = new MessageLanguage();
		for (BenchSets.Set set : BenchSets.all(Path.of(args[0]), Path.of(args[1]))) {
			if (set.heldOut()) {
				continue;
			}
			int wrong = 0;
			for (BenchScore.Labelled m : set.messages()) {
				String detected = languages.detect(m.text(), List.of("es", "en", "pt", "fr", "ht"), "es");
				if (!detected.equals(m.language())) {
					wrong++;
					System.out.println(set.name() + " " + m.language() + "->" + detected + " " + m.expected() + " | " + m.text());
				}
			}
			System.out.println(set.name() + ": " + wrong + " of " + set.messages().size());
		}
	}

}
