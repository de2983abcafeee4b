package org.linea.knowledge;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BankRowsTests {

	@Test
	void readsTheBenchmarkColumnsAsTheyAre() throws Exception {
		BankRows.Result result = parse("sample-bank.csv");
		assertThat(result.problems()).isEmpty();
		assertThat(result.entries()).hasSize(5);
		EntryContent first = result.entries().getFirst().content();
		assertThat(first.key()).isEqualTo("VAC-01");
		assertThat(first.topic()).isEqualTo("vacunas");
		assertThat(first.alternatives()).containsExactly("¿Dónde ponen la vacuna?", "¿Cómo saco cita para vacunarme?");
		assertThat(first.answer("es").text()).startsWith("Puede vacunarse gratis");
		assertThat(first.answer("en").text()).startsWith("You can get vaccinated");
		assertThat(result.entries().getFirst().status()).isNull();
		assertThat(result.entries().getFirst().row()).isEqualTo(2);
	}

	@Test
	void reportsEveryBadRowWithItsNumberAndReason() throws Exception {
		BankRows.Result result = parse("bad-rows.csv");
		assertThat(result.problems()).extracting(ImportProblem::row, ImportProblem::code)
			.containsExactlyInAnyOrder(tuple(3, "badId"), tuple(4, "missingTopic"), tuple(5, "missingQuestion"),
					tuple(6, "missingAnswer"), tuple(7, "badStatus"), tuple(7, "duplicateId"));
		assertThat(result.entries()).extracting(p -> p.content().key()).containsExactly("OK-01");
	}

	@Test
	void refusesAFileWithoutTheColumnsAnEntryNeeds() {
		BankFile.Content file = new BankFile.Content(List.of("id", "pregunta"), List.of());
		assertThat(BankRows.parse(file).problems()).extracting(ImportProblem::code)
			.contains("missingColumn", "unknownColumn");
	}

	@Test
	void attachmentsNeedAKindAndAWebAddress() {
		List<ImportProblem> problems = new java.util.ArrayList<>();
		List<Attachment> attachments = BankRows.parseAttachments(4,
				"IMAGE https://example.org/a.png Washing hands\nLINK ftp://example.org\nPICTURE https://example.org/b.png", problems);
		assertThat(attachments).containsExactly(new Attachment(AttachmentKind.IMAGE, "https://example.org/a.png", "Washing hands"));
		assertThat(problems).extracting(ImportProblem::row, ImportProblem::code)
			.containsExactly(tuple(4, "badAttachment"), tuple(4, "badAttachment"));
	}

	private static BankRows.Result parse(String fixture) throws Exception {
		try (InputStream in = BankRowsTests.class.getResourceAsStream("/knowledge/" + fixture)) {
			return BankRows.parse(BankFile.CSV.read(in));
		}
	}

}
