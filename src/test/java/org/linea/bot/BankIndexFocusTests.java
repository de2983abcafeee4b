package org.linea.bot;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.linea.knowledge.KnowledgeTestData;

import static org.assertj.core.api.Assertions.assertThat;

/** A message explained by one phrasing of an entry ranks above one whose words are spread over several. */
class BankIndexFocusTests {

	@Test
	void wordsExplainedByOnePhrasingRankAboveWordsScatteredOverSeveral() {
		String csv = """
				id,topic,question,alt_questions,answer_es,answer_en
				ONE-01,salud,¿Dónde consigo un psicólogo gratis?,¿Hay apoyo emocional?,"Hay apoyo en el centro de salud.","There is support at the health centre."
				SPREAD-01,salud,¿Dónde queda el psicólogo?,¿Qué es gratis en la línea?,"Le damos información.","We give information."
				""";
		BankIndex index = BankIndex.build(new BankAnalysis("es"),
				KnowledgeTestData.validatedEntries(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
		List<BankIndex.Scored> found = index.search(index.terms("psicologo gratis", "es"));
		assertThat(found).extracting(s -> s.entry().key()).startsWith("ONE-01");
		BankIndex.Scored one = found.getFirst();
		BankIndex.Scored spread = found.get(1);
		// both entries have both words: only one of them in a single phrasing
		assertThat(spread.coverage()).isEqualTo(one.coverage());
		assertThat(one.focus()).isEqualTo(1.0);
		assertThat(spread.focus()).isLessThan(1.0);
	}

}
