package org.linea.bot;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linea.knowledge.KnowledgeTestData;

import static org.assertj.core.api.Assertions.assertThat;

/** The decisions on a small bank, for the ways people really write. */
class AnswerFinderTests {

	static BankIndex index;

	static AnswerFinder finder;

	@BeforeAll
	static void bank() throws Exception {
		try (InputStream in = AnswerFinderTests.class.getResourceAsStream("/knowledge/sample-bank.csv")) {
			index = BankIndex.build(new BankAnalysis("es"), KnowledgeTestData.validatedEntries(in));
		}
		finder = new AnswerFinder(Signals.load(), Courtesy.load(), new BotProperties(null, null, null, null, null, null));
	}

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			¿Dónde me puedo vacunar?                              | ANSWER    | VAC-01
			donde me puedo bacunar                                | ANSWER    | VAC-01
			DONDE PONEN LA VACUNA                                 | ANSWER    | VAC-01
			holaaa buenas tardes 🙏 donde ponen la vacuna??        | ANSWER    | VAC-01
			cuanta plata dan causa                                | ANSWER    | CASH-01
			como saco la plata del cajero                         | ANSWER    | CASH-02
			a q hora atienden                                     | ANSWER    | LINE-01
			hola                                                  | GREETING  |
			buenas noches                                         | GREETING  |
			gracias 🙏🙏                                          | GREETING  |
			👍                                                    | GREETING  |
			humano                                                | HANDOFF   |
			operador                                              | HANDOFF   |
			quiero hablar con alguien                             | HANDOFF   |
			quiero hablar con una persona por favor no con robot  | HANDOFF   |
			a cuanto esta el dolar hoy                            | HANDOFF   |
			cuando juega la vinotinto                             | HANDOFF   |
			mi bebe tiene fiebre de 40 desde anoche y no responde | HANDOFF   |
			atienden los feriados?                                | HANDOFF   |
			donde me puedo vacunar contra la fiebre amarilla para viajar | HANDOFF |
			cuanto dinero cuesta un abogado para el divorcio      | HANDOFF   |
			que documentos necesito para casarme aqui             | HANDOFF   |
			""")
	void decides(String text, DecisionKind kind, String entry) {
		BotDecision decision = finder.decide(index, text, "es");
		assertThat(decision.kind()).as(decision.toString()).isEqualTo(kind);
		assertThat(decision.entryKey()).isEqualTo(entry);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			where can i get the vaccine?          | en | VAC-01
			onde posso tomar a vacina?            | pt | VAC-01
			où est-ce que je peux me faire vacciner ? | fr | VAC-01
			Ki kote mwen ka pran vaksen?          | ht | VAC-01
			""")
	void answersQuestionsInOtherLanguagesFromTheBank(String text, String language, String entry) {
		BotDecision decision = finder.decide(index, text, language);
		assertThat(decision.entryKey()).as(decision.toString()).isEqualTo(entry);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			me pasas con alguien porfa                     | es
			necesito que me atienda alguien de verdad      | es
			no quiero respuestas automaticas               | es
			can someone from the team call me              | en
			is there a real person there?                  | en
			tem alguém aí pra me atender?                  | pt
			me passa para uma pessoa por favor             | pt
			est-ce que je peux parler à une vraie personne | fr
			il y a quelqu'un pour me répondre ?            | fr
			eske gen yon moun ki ka reponn mwen            | ht
			mwen pa vle pale ak machin nan                 | ht
			""")
	void handsOverARequestForAPersonEvenWhenAskedIndirectly(String text, String language) {
		BotDecision decision = finder.decide(index, text, language);
		assertThat(decision.reason()).as(decision.toString()).isEqualTo("ASKED_FOR_PERSON");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			hola | GREETING
			gracias | THANKS
			ok gracias mi amor dios le bendiga | THANKS
			""")
	void greetingsAndThanksAreToldApart(String text, String reason) {
		assertThat(finder.decide(index, text, "es").reason()).isEqualTo(reason);
	}

	@org.junit.jupiter.api.Test
	void showsTheClosestCandidatesWithScores() {
		BotDecision decision = finder.decide(index, "donde ponen la vacuna", "es");
		List<Candidate> candidates = decision.candidates();
		assertThat(candidates).isNotEmpty();
		assertThat(candidates.getFirst().entryKey()).isEqualTo("VAC-01");
		assertThat(candidates).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
		assertThat(decision.score()).isBetween(0.0, 1.0).isEqualTo(candidates.getFirst().score(), org.assertj.core.data.Offset.offset(0.001));
	}

}
