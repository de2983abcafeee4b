package org.linea.survey;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepliesTests {

	private static final List<Choice> NEEDS = List.of(new Choice("food", Map.of("es", "Comida"), Map.of()),
			new Choice("work", Map.of("es", "Trabajo"), Map.of()), new Choice("health", Map.of("es", "Salud y medicinas"), Map.of()));

	private static Question question(QuestionType type) {
		return new Question(type, "q", type.select() ? "needs" : null, Map.of("es", "?"), Map.of(), true, Map.of(), null, null, Map.of(),
				null, null, null, 2);
	}

	private static Answer read(QuestionType type, String text) {
		return Replies.read(question(type), NEEDS, "es", "es", text);
	}

	@Test
	void severalChoicesByNumbersWithSpacesOrCommasInTheListOrder() {
		assertThat(read(QuestionType.SELECT_MULTIPLE, "3 1")).isEqualTo(new Answer.Value("food health"));
		assertThat(read(QuestionType.SELECT_MULTIPLE, "1,3")).isEqualTo(new Answer.Value("food health"));
		assertThat(read(QuestionType.SELECT_MULTIPLE, "comida, trabajo")).isEqualTo(new Answer.Value("food work"));
		assertThat(read(QuestionType.SELECT_MULTIPLE, "1 7")).isInstanceOf(Answer.Invalid.class);
	}

	@Test
	void oneChoiceByNumberLabelOrTappedTitle() {
		assertThat(read(QuestionType.SELECT_ONE, "2")).isEqualTo(new Answer.Value("work"));
		assertThat(read(QuestionType.SELECT_ONE, "trabajo.")).isEqualTo(new Answer.Value("work"));
		assertThat(read(QuestionType.SELECT_ONE, "SALUD Y MEDICINAS")).isEqualTo(new Answer.Value("health"));
		assertThat(read(QuestionType.SELECT_ONE, "9")).isEqualTo(new Answer.Invalid("survey.reply.chooseNumber"));
		assertThat(read(QuestionType.SELECT_ONE, "¿dónde está la oficina?")).isInstanceOf(Answer.NotAnAnswer.class);
	}

	@Test
	void numbersDatesTextAndSkipping() {
		assertThat(read(QuestionType.INTEGER, "34")).isEqualTo(new Answer.Value("34"));
		assertThat(read(QuestionType.INTEGER, "34 años")).isEqualTo(new Answer.Invalid("survey.reply.integer"));
		assertThat(read(QuestionType.INTEGER, "no sé, ¿importa?")).isInstanceOf(Answer.NotAnAnswer.class);
		assertThat(read(QuestionType.DECIMAL, "1500,5")).isEqualTo(new Answer.Value("1500.5"));
		assertThat(read(QuestionType.DATE, "15/03/2025")).isEqualTo(new Answer.Value("2025-03-15"));
		assertThat(read(QuestionType.DATE, "32/13/2025")).isEqualTo(new Answer.Invalid("survey.reply.date"));
		assertThat(read(QuestionType.TEXT, "Todo bien")).isEqualTo(new Answer.Value("Todo bien"));
		assertThat(read(QuestionType.TEXT, "-")).isInstanceOf(Answer.Skipped.class);
		assertThat(read(QuestionType.INTEGER, "saltar")).isInstanceOf(Answer.Skipped.class);
		assertThat(Replies.stop("Fin")).isTrue();
	}

	@Test
	void theWordsAFormListsForAnOptionAnswerItTheLongestWinningAndEqualsWordsOnlyWhole() {
		List<Choice> scale = List.of(new Choice("1", Map.of("es", "Nada"), Map.of("words", "=una; muy mal; nada")),
				new Choice("4", Map.of("es", "Bien"), Map.of("words::es", "bien; nada mal", "words::fr", "pas mal")),
				new Choice("5", Map.of("es", "Mucho"), Map.of("words", "muy; 5")), new Choice("none", Map.of("es", "No sé"), Map.of("words", "0")));
		Question question = new Question(QuestionType.SELECT_ONE, "q", "scale", Map.of("es", "?"), Map.of(), true, Map.of(), null, null,
				Map.of(), null, null, null, 2);
		assertThat(Replies.read(question, scale, "es", "es", "Muy mal, la verdad")).isEqualTo(new Answer.Value("1"));
		assertThat(Replies.read(question, scale, "es", "es", "muy amable")).isEqualTo(new Answer.Value("5"));
		assertThat(Replies.read(question, scale, "es", "es", "nada mal")).isEqualTo(new Answer.Value("4"));
		assertThat(Replies.read(question, scale, "fr", "es", "Pas mal !")).isEqualTo(new Answer.Value("4"));
		assertThat(Replies.read(question, scale, "es", "es", "una")).isEqualTo(new Answer.Value("1"));
		assertThat(Replies.read(question, scale, "es", "es", "una pregunta")).isInstanceOf(Answer.NotAnAnswer.class);
		assertThat(Replies.read(question, scale, "es", "es", "5 gracias")).isEqualTo(new Answer.Value("5"));
		// a listed number beyond the options is the option, an unlisted one is asked again
		assertThat(Replies.read(question, scale, "es", "es", "0")).isEqualTo(new Answer.Value("none"));
		assertThat(Replies.read(question, scale, "es", "es", "7")).isInstanceOf(Answer.Invalid.class);
	}

	@Test
	void decliningInAnyOfTheFiveLanguagesSkipsATextQuestion() {
		assertThat(read(QuestionType.TEXT, "prefiero no decirlo")).isInstanceOf(Answer.Skipped.class);
		assertThat(read(QuestionType.TEXT, "Je ne sais pas")).isInstanceOf(Answer.Skipped.class);
		assertThat(read(QuestionType.TEXT, "m pa konnen")).isInstanceOf(Answer.Skipped.class);
		assertThat(read(QuestionType.TEXT, "0")).isInstanceOf(Answer.Skipped.class);
		assertThat(read(QuestionType.TEXT, "No sólo en Lima")).isEqualTo(new Answer.Value("No sólo en Lima"));
	}

}
