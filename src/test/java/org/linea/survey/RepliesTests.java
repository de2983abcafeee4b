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

}
