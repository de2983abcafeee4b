package org.linea.knowledge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgeServiceIntegrationTests extends LineaIntegrationTest {

	@Autowired
	KnowledgeService knowledge;

	Organisation organisation;

	Line line;

	@BeforeEach
	void coordinatorOnANewLine() {
		this.organisation = newOrganisation();
		this.line = newLine(this.organisation);
		signIn(newUser(this.organisation, Role.COORDINATOR));
	}

	@Test
	void importsTheBenchmarkColumnsAsDraftsWithAFirstVersion() throws Exception {
		ImportResult result = importFixture("sample-bank.csv", false);
		assertThat(result).isEqualTo(new ImportResult(5, 0, 0));
		List<KnowledgeEntry> entries = this.knowledge.entries(this.line.key());
		assertThat(entries).extracting(KnowledgeEntry::status).containsOnly(EntryStatus.DRAFT);
		assertThat(this.knowledge.versions(this.line.key(), "VAC-01")).singleElement()
			.satisfies(v -> assertThat(v.change()).isEqualTo("IMPORTED"));
		assertThat(this.knowledge.topics(this.line.key())).extracting(Topic::slug).contains("vacunas", "ayuda");
		assertThat(this.knowledge.validated(this.line.id())).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(BankFile.class)
	void aRoundTripLosesNothing(BankFile format) throws Exception {
		importFixture("sample-bank.csv", true);
		EntryContent rich = new EntryContent("KEY-01", "mensajes", EntryKind.KEY_MESSAGE, "¿Mensaje clave?",
				List.of("una", "otra, con coma; y ¿signos?"),
				Map.of("es", new Answer("Texto con \"comillas\"\ny salto de línea", "SMS corto"), "ht", new Answer("Mesaj", null)),
				List.of(new Attachment(AttachmentKind.IMAGE, "https://example.org/a.png", "Manos"),
						new Attachment(AttachmentKind.LINK, "https://example.org", "")),
				List.of("prevencion", "clave"), "OMS", LocalDate.of(2027, 1, 31));
		this.knowledge.create(this.line.key(), rich);
		this.knowledge.setStatus(this.line.key(), "HAND-01", EntryStatus.RETIRED);
		List<KnowledgeEntry> before = this.knowledge.entries(this.line.key());

		ByteArrayOutputStream exported = new ByteArrayOutputStream();
		this.knowledge.export(this.line.key(), format, exported);
		Line other = newLine(this.organisation);
		ImportResult into = this.knowledge.importBank(other.key(), format, new ByteArrayInputStream(exported.toByteArray()), false);
		ImportResult again = this.knowledge.importBank(this.line.key(), format, new ByteArrayInputStream(exported.toByteArray()), false);

		assertThat(into.created()).isEqualTo(before.size());
		assertThat(again).isEqualTo(new ImportResult(0, 0, before.size()));
		assertThat(this.knowledge.entries(other.key())).extracting(KnowledgeEntry::status, KnowledgeEntry::content)
			.containsExactlyElementsOf(before.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.status(), e.content())).toList());
	}

	@Test
	void theCsvExportNeutralisesFormulasAndReadsThemBackAsWritten() throws Exception {
		EntryContent hostile = new EntryContent("FRM-01", "formulas", EntryKind.FAQ, "=HYPERLINK(\"http://x\")",
				List.of("+51 999 000 111", "-1 sol", "@cmd", "'=ya citado"),
				Map.of("es", new Answer("-Lleve su DNI y su carné", "=SUM(A1)"), "en", new Answer("@home: bring ID", "+1 help")),
				List.of(), List.of("formula"), "=fuente", LocalDate.of(2027, 1, 31));
		this.knowledge.create(this.line.key(), hostile);
		KnowledgeEntry before = this.knowledge.entries(this.line.key()).getFirst();

		ByteArrayOutputStream exported = new ByteArrayOutputStream();
		this.knowledge.export(this.line.key(), BankFile.CSV, exported);

		List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.RFC4180
			.parse(new java.io.StringReader(exported.toString(java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "")))
			.getRecords();
		assertThat(records).hasSizeGreaterThan(1);
		List<String> cells = records.stream().skip(1).flatMap(r -> r.toList().stream()).toList();
		assertThat(cells).as("no cell a spreadsheet would run").noneMatch(org.linea.shared.SpreadsheetText::looksLikeFormula);
		assertThat(cells).contains("'=HYPERLINK(\"http://x\")", "'-Lleve su DNI y su carné", "'=SUM(A1)", "'@home: bring ID");

		Line other = newLine(this.organisation);
		this.knowledge.importBank(other.key(), BankFile.CSV, new ByteArrayInputStream(exported.toByteArray()), false);
		assertThat(this.knowledge.entries(other.key())).singleElement()
			.satisfies(entry -> assertThat(entry.content()).isEqualTo(before.content()));
	}

	@Test
	void aFileWithABadRowImportsNothingAndSaysWhichRowsAndWhy() throws Exception {
		importFixture("sample-bank.csv", false);
		List<KnowledgeEntry> before = this.knowledge.entries(this.line.key());
		assertThatThrownBy(() -> importFixture("bad-rows.csv", false)).isInstanceOfSatisfying(ImportFailedException.class,
				ex -> assertThat(ex.problems()).extracting(ImportProblem::row).contains(3, 4, 5, 6, 7));
		assertThat(this.knowledge.entries(this.line.key())).isEqualTo(before);
		assertThat(this.knowledge.entries(this.line.key())).noneMatch(e -> e.key().equals("OK-01"));
	}

	@Test
	void everyChangeIsAVersionAndAnyVersionCanBeRestored() throws Exception {
		importFixture("sample-bank.csv", false);
		KnowledgeEntry original = this.knowledge.entry(this.line.key(), "CASH-01");
		EntryContent changed = new EntryContent("CASH-01", "ayuda", EntryKind.FAQ, "¿Cuánto dan?", List.of(),
				Map.of("es", new Answer("Otra respuesta", null)), List.of(), List.of(), "", null);
		this.knowledge.edit(this.line.key(), "CASH-01", changed);
		this.knowledge.setStatus(this.line.key(), "CASH-01", EntryStatus.VALIDATED);
		assertThat(this.knowledge.validated(this.line.id())).extracting(KnowledgeEntry::content).containsExactly(changed);

		KnowledgeEntry restored = this.knowledge.restore(this.line.key(), "CASH-01", 1);

		assertThat(restored.content()).isEqualTo(original.content());
		assertThat(restored.status()).isEqualTo(EntryStatus.VALIDATED);
		assertThat(this.knowledge.versions(this.line.key(), "CASH-01")).extracting(EntryVersion::version, EntryVersion::change)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4, "RESTORED"), org.assertj.core.groups.Tuple.tuple(3, "STATUS"),
					org.assertj.core.groups.Tuple.tuple(2, "EDITED"), org.assertj.core.groups.Tuple.tuple(1, "IMPORTED"));
		assertThat(this.knowledge.version(this.line.key(), "CASH-01", 2).content()).isEqualTo(changed);
	}

	@Test
	void refusesAnAlternativeThatWouldNotSurviveAFile() {
		EntryContent content = new EntryContent("", "salud", EntryKind.FAQ, "¿Una pregunta?", List.of("esto | aquello"),
				Map.of("es", new Answer("Una respuesta", null)), List.of(), List.of(), "", null);
		assertThatThrownBy(() -> this.knowledge.create(this.line.key(), content)).isInstanceOfSatisfying(
				ImportFailedException.class, ex -> assertThat(ex.problems()).extracting(ImportProblem::code).containsExactly("barInAlternative"));
	}

	@Test
	void generatesAStableIdFromTheTopicWhenNoneIsGiven() {
		EntryContent content = new EntryContent("", "salud", EntryKind.FAQ, "¿Una pregunta?", List.of(),
				Map.of("es", new Answer("Una respuesta", null)), List.of(), List.of(), "", null);
		assertThat(this.knowledge.create(this.line.key(), content).key()).isEqualTo("SALUD-01");
		assertThat(this.knowledge.create(this.line.key(), content).key()).isEqualTo("SALUD-02");
	}

	@Test
	void everyChangeMovesTheBanksRevisionOn() throws Exception {
		long before = this.knowledge.revision(this.line.id());
		importFixture("sample-bank.csv", false);
		long afterImport = this.knowledge.revision(this.line.id());
		this.knowledge.setStatus(this.line.key(), "VAC-01", EntryStatus.VALIDATED);
		assertThat(before).isEqualTo(-1);
		assertThat(afterImport).isGreaterThan(before);
		assertThat(this.knowledge.revision(this.line.id())).isGreaterThan(afterImport);
	}

	@Test
	void operatorsReadTheBankButDoNotChangeIt() throws Exception {
		importFixture("sample-bank.csv", false);
		signIn(newUser(this.organisation, Role.OPERATOR));
		assertThat(this.knowledge.entries(this.line.key())).hasSize(5);
		assertThatThrownBy(() -> this.knowledge.setStatus(this.line.key(), "VAC-01", EntryStatus.VALIDATED))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> importFixture("sample-bank.csv", true)).isInstanceOf(AccessDeniedException.class);
		assertThat(this.knowledge.entry(this.line.key(), "VAC-01").status()).isEqualTo(EntryStatus.DRAFT);
	}

	@Test
	void anotherOrganisationsBankDoesNotExistForYou() {
		signIn(newUser(newOrganisation(), Role.COORDINATOR));
		assertThatThrownBy(() -> this.knowledge.entries(this.line.key())).isInstanceOf(NotFoundException.class);
	}

	private ImportResult importFixture(String name, boolean validate) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/knowledge/" + name)) {
			return this.knowledge.importBank(this.line.key(), BankFile.CSV, in, validate);
		}
	}

}
