package org.linea.safeguarding;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Safeguarding detection on messages written as people write, in the five line languages. */
class DetectorTests {

	static final Detector detector = new Detector(new SafeguardingProperties(null));

	@ParameterizedTest(name = "{0} -> {1} urgent={2}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			la del chaleco me dijo q si le doy 50 soles me pone primerita en la lista | FRAUD | false
			un señor q dise ser de la cruz roja me yamo y me pidio la clave d la tarjeta | FRAUD | false
			el voluntario me dijo q si salgo a cenar con el me pone en la lista | SEA | false
			mi marido tiene un machete y dice q ahorita me mata | GBV | true
			ya me despedi de mis hijos, esta noche se acaba todo | SELF_HARM | true
			me tome un monton de pastillas hace rato y me siento rara | SELF_HARM | true
			el patron nos quito los pasaportes y no nos deja salir del galpon | TRAFFICKING | true
			el tio le toca sus partes a mi niña de 7 | CHILD | false
			el coordinador dijo q si sigo reclamando me saca de la lista | CONDUCT | false
			the volunteer said i get the food card only if i sleep with him | SEA | false
			meu marido me bate e hoje disse que vai me matar agora mesmo | GBV | true
			Le bénévole m'a demandé mon code PIN pour « vérifier » ma carte | FRAUD | false
			Mari m bat mwen epi li gen yon kouto, li di l ap touye m aswè a | GBV | true
			""")
	void findsReportsWithTheirCategoryAndUrgency(String text, Category category, boolean urgent) {
		assertReport(text, category, urgent);
	}

	/**
	 * Said in words no signal phrase holds: general vocabulary, other forms of a word, concepts combined. A beating that
	 * went on all afternoon reads urgent since the model learns with dropout (session 10, urgency 0.39): at the top of the
	 * queue is the cheaper mistake.
	 */
	@ParameterizedTest(name = "{0} -> {1} urgent={2}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			mi suegro estuvo golpeandola a mi cuñada toda la tarde | GBV | true
			a guy at the border grabbed me and wants to kill me right now | GBV | true
			mi sobrino de 9 desaparecio con un señor del barrio y no ha regresado | CHILD | true
			los dos nenes de la vecina estan encerrados desde el domingo, nadie los cuida | CHILD | true
			the supervisor told me i would lose my place unless i go out with him | SEA | false
			le coordinateur m'a insultée devant tout le monde et m'a menacée de me retirer de la liste | CONDUCT | false
			mon beau frere a frappe ma soeur et elle saigne beaucoup | GBV | true
			eu tomei todos os comprimidos da minha mae faz meia hora, nao quero mais viver | SELF_HARM | true
			yon moun ki di li travay pou lakwa wouj mande m kod kat mwen | FRAUD | false
			""")
	void generalisesToPhrasingNoSignalHolds(String text, Category category, boolean urgent) {
		assertReport(text, category, urgent);
	}

	/** Urgency read from its cues (a time of now or tonight, the means at hand, a goodbye, bleeding), whatever the category. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "el guardia del albergue dice que esta noche me saca a la calle con mis hijos si no le pago",
			"el señor que dice ser de ustedes esta en mi casa ahora y amenaza con quemarla si no le doy el pin",
			"my stepdad is hitting my little brother with a belt right now and he is bleeding",
			"ja escrevi uma carta de despedida e tenho os remedios aqui comigo",
			"mwen fèmen nan yon chanm depi maten, yo pran paspò m, yo di aswè a y ap vann mwen" })
	void urgencyCuesMarkAnyCategoryUrgent(String text) {
		Finding finding = detector.screen(text);
		assertThat(finding.sensitive()).as(finding.signals().toString()).isTrue();
		assertThat(finding.urgent()).as(finding.signals().toString()).isTrue();
	}

	private static void assertReport(String text, Category category, boolean urgent) {
		Finding finding = detector.screen(text);
		assertThat(finding.sensitive()).as(finding.signals().toString()).isTrue();
		assertThat(finding.category()).as(finding.signals().toString()).isEqualTo(category);
		assertThat(finding.urgent()).as(finding.signals().toString()).isEqualTo(urgent);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			donde denuncio la violencia domestica? es para una amiga
			la cruz roja cobra por inscribir en el programa?
			q hago si alguien de la cruz roja me pide plata? pregunto por si acaso
			perdi el pin de la tarjeta, como lo recupero?
			how do i know if a message from you is official?
			a q hora atienden el sabado
			what should i do if my neighbour hits his kids?
			o que faço se alguém pedir minha senha?
			kijan pou m konnen si mesaj la soti nan lakwa wouj?
			la coordinadora de la ONG es quien decide quién entra a la lista?
			""")
	void aGeneralQuestionNearTheseTopicsIsNotAReport(String text) {
		Finding finding = detector.screen(text);
		assertThat(finding.sensitive()).as(finding.signals().toString()).isFalse();
	}

	@Test
	void aQuestionMixedWithADisclosureIsAReport() {
		Finding finding = detector.screen("a q hora abren mañana? es q el encargado se queda con las tarjetas de los abuelitos");
		assertThat(finding.sensitive()).isTrue();
		assertThat(finding.category()).isEqualTo(Category.FRAUD);
	}

	@Test
	void aDisclosureSpreadOverTwoMessagesIsReadWithThePreviousOne() {
		// since the model scales its features by how often they come in reports (session 7) the earlier pairs read as
		// reports alone ("y q le diga los numeros q me llegaron": a code asked); the second message of this one does not.
		// Since the model learns with dropout (session 10) the first alone is routed too: something to tell about a stepfather
		String first = "hola, queria contarles algo de mi padrastro";
		String second = "cuando mi mama sale se mete a mi cama";
		assertThat(detector.screen(second).sensitive()).isFalse();
		Finding together = detector.screen(second, first);
		assertThat(together.sensitive()).as(together.signals().toString()).isTrue();
		assertThat(together.category()).isEqualTo(Category.CHILD);
		assertThat(together.reason()).isEqualTo("REPORT_WITH_PREVIOUS_MESSAGE");
	}

	@Test
	void aReportIsUrgentWhenTheDangerWasSaidInThePreviousMessage() {
		String first = "mi esposo me amenaza con el cuchillo y ya viene borracho";
		String second = "me pega cuando toma";
		Finding alone = detector.screen(second);
		assertThat(alone.sensitive()).isTrue();
		assertThat(alone.urgent()).isFalse();
		Finding together = detector.screen(second, first);
		assertThat(together.category()).isEqualTo(alone.category());
		assertThat(together.urgent()).isTrue();
		assertThat(together.signals()).anyMatch(signal -> signal.startsWith("with the previous message: "));
		// a message urgent alone needs no previous one, and a short reply after a report stays a short reply
		assertThat(detector.screen(first, "hola").urgent()).isTrue();
	}

	/** Words run together as people type on a phone ("laclave", "lascanastas", "mepide"): letters read across the spaces. */
	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			elboluntario me pidio laclave dela tarjeta | FRAUD
			el q reparte lascanastas me toca y mepide fotos | SEA
			""")
	void aDisclosureWithGluedWordsIsCaught(String text, Category category) {
		Finding finding = detector.screen(text);
		assertThat(finding.sensitive()).as(finding.signals().toString()).isTrue();
		assertThat(finding.category()).isEqualTo(category);
	}

	@Test
	void showsWhichConceptsAndRulesFired() {
		Finding finding = detector.screen("un voluntario me cobro 20 soles pa inscribirme");
		assertThat(finding.signals()).contains("staff: voluntari*").anyMatch(s -> s.startsWith("money_ask: "))
			.anyMatch(s -> s.startsWith("rule FRAUD"));
	}

	@Test
	void otherFormsOfAWordMatchThroughTheLightStemmers() {
		assertThat(Term.matches("encerrada", "encerrados")).isTrue();
		assertThat(Term.matches("frappee", "frapper")).isTrue();
		assertThat(Stems.same("threats", "threat")).isTrue();
		assertThat(Stems.same("casa", "caso")).isFalse(); // under six letters
		assertThat(Stems.same("kiss", "quiso")).isFalse();
		assertThat(Stems.same("golpeado", "golpeada")).isTrue();
	}

	@Test
	void typosAndAccentsAreFolded() {
		assertThat(detector.screen("el boluntario me pidio mi kontraseña y el pin").category()).isEqualTo(Category.FRAUD);
		assertThat(detector.screen("MI ESPOSO ME GOLPEÓ Y TIENE UN CUCHIYO").sensitive()).isTrue();
	}

	@Test
	void anOrganisationAddsItsOwnSignals() {
		String text = "el brigadista me pidio la clave de la tarjeta";
		assertThat(detector.screen(text).signals()).doesNotContain("staff: brigadista");
		Detector extended = new Detector(Map.of("org/es.txt", List.of("[staff]", "brigadista")));
		assertThat(extended.screen(text).category()).isEqualTo(Category.FRAUD);
		assertThat(extended.screen(text).signals()).contains("staff: brigadista", "rule FRAUD 3: staff|aid_worker|claim + asked_me + secret");
	}

	@Test
	void aSignalsFileWithAnUnknownLayoutIsRefusedAtStart() {
		assertThatThrownBy(() -> new Detector(Map.of("org/es.txt", List.of("brigadista"))))
			.hasMessageContaining("before any [concept]");
	}

	/**
	 * Our own files, a floor against regressions: {@code own_heldout.csv} (rows 2-107 written before the
	 * signals were tuned, then block A), block B and block D (in-sample since the generalisation round).
	 * Blocks C, D, E and F ({@code own_heldout_c.csv}, {@code own_heldout_d.csv}, {@code own_heldout_e.csv},
	 * {@code own_heldout_f.csv}) are held out and scored only by bench/safeguarding.sh
	 * and ModelCheck, totals only.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "own_heldout.csv", "own_heldout_b.csv", "own_dev_d.csv" })
	void ownMessagesStayAboveTheTargets(String name) throws Exception {
		Path file = Path.of(getClass().getResource("/safeguarding/" + name).toURI());
		DetectionScore.Counts counts = DetectionScore.score(DetectionScore.read(file, DetectionScore.Rows.ALL), detector::screen);
		assertThat(DetectionScore.pct(counts.routed(), counts.reports())).as(counts.figures()).isGreaterThanOrEqualTo(95);
		assertThat(DetectionScore.pct(counts.falseAlarms(), counts.nonReports())).as(counts.figures()).isLessThanOrEqualTo(10);
		assertThat(DetectionScore.pct(counts.urgentFlagged(), counts.urgentReports())).as(counts.figures()).isGreaterThanOrEqualTo(95);
	}

}
