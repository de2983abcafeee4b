package org.linea.survey;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionsTests {

	@Test
	void referencesBecomeVariablesAndTheDotTheAnswer() {
		assertThat(Expressions.translate("${age} >= 18 and . != 'x.y' and 2.5 < 3")).isEqualTo("$age >= 18 and $_self != 'x.y' and 2.5 < 3");
		assertThat(Expressions.translate("selected(${needs}, 'work') and count-selected(.) < 3 and regex(., '^a')"))
			.isEqualTo("f:selected($needs, 'work') and f:count-selected($_self) < 3 and f:regex($_self, '^a')");
	}

	@Test
	void comparisonsLogicAndTheXlsFormFunctions() {
		Map<String, String> answers = Map.of("age", "20", "needs", "food work", "consent", "yes", "_self", "abc1");
		assertThat(Expressions.test("${age} >= 18 and ${consent} = 'yes'", answers)).isTrue();
		assertThat(Expressions.test("${age} < 18 or not(${consent} = 'yes')", answers)).isFalse();
		assertThat(Expressions.test("selected(${needs}, 'work')", answers)).isTrue();
		assertThat(Expressions.test("selected(${needs}, 'health')", answers)).isFalse();
		assertThat(Expressions.test("count-selected(${needs}) = 2", answers)).isTrue();
		assertThat(Expressions.test("string-length(.) = 4", answers)).isTrue();
		assertThat(Expressions.test("regex(., '^[a-z]+[0-9]$')", answers)).isTrue();
		assertThat(Expressions.test("regex(., '^[0-9]+$')", answers)).isFalse();
	}

	@Test
	void anUnansweredQuestionIsEmpty() {
		assertThat(Expressions.test("${income} = ''", Map.of())).isTrue();
		assertThat(Expressions.test("count-selected(${needs}) = 0", Map.of())).isTrue();
	}

	@Test
	void aChoiceFilterReadsTheChoiceColumns() {
		Choice lima = new Choice("lima", Map.of("es", "Lima"), Map.of("country", "pe"));
		assertThat(Expressions.testChoice("country=${country}", Map.of("country", "pe"), lima)).isTrue();
		assertThat(Expressions.testChoice("country=${country}", Map.of("country", "co"), lima)).isFalse();
	}

	@Test
	void brokenXPathIsRefusedAtImport() {
		assertThatThrownBy(() -> Expressions.check(". >>> 2")).isInstanceOf(Exception.class);
	}

}
