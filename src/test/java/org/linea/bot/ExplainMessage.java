package org.linea.bot;

import org.linea.knowledge.ChatText;
import org.linea.knowledge.MessageLanguage;
import java.io.FileInputStream;
import java.util.List;

import org.linea.knowledge.KnowledgeTestData;

/** Prints a message's terms and its closest entries (a tuning aid). */
class ExplainMessage {

	public static void main(String[] args) throws Exception {
		List<org.linea.knowledge.KnowledgeEntry> bank;
		try (var in = new FileInputStream("/work/shared/faq-eval/faq_es.csv")) {
			bank = KnowledgeTestData.validatedEntries(in);
		}
		BankAnalysis analysis = new BankAnalysis("es");
		BankIndex index = BankIndex.build(analysis, bank);
		MessageLanguage languages = new MessageLanguage();
		for (String text : args) {
			String language = languages.detect(text, List.of("es", "en", "pt", "fr", "ht"), "es");
			List<String> terms = index.terms(Courtesy.load().strip(ChatText.fold(text)), language);
			System.out.println(text + " [" + language + "] " + terms);
			index.search(terms).stream().limit(3).forEach(s -> System.out.println("   " + s));
		}
	}

}
