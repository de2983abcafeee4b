package org.linea.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.coding.InformationType;
import org.linea.feedback.LineScope;
import org.linea.feedback.LineScopes;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class LogExportsIntegrationTests extends InteractionsIntegrationTest {

	@Autowired
	LogExports exports;

	@Autowired
	LineScopes lineScopes;

	@Test
	void theWorkbookHasASummaryAndASheetPerMonthWithOneRowPerInteractionAndNoPhoneNumber() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser ana = newUser(organisation, Role.OPERATOR);
		String phone = randomPhone();
		long october = answeredAndClosed(line, phone, ana,
				new Coding(List.of("salud"), List.of(InformationType.HEALTH_INFORMATION), FeedbackType.QUESTION));
		long november = answeredAndClosed(line, randomPhone(), ana,
				new Coding(List.of("transferencias", "registro"), List.of(), FeedbackType.COMPLAINT));
		eventually(() -> this.jdbc.sql("select count(*) from feedback_log where line_id = ? and feedback_type is not null")
			.param(line.id()).query(Integer.class).single() == 2, "both logged");
		this.jdbc.sql("update feedback_log set opened_day = '2026-10-15' where conversation_id = ?").param(october).update();
		this.jdbc.sql("update feedback_log set opened_day = '2026-11-02' where conversation_id = ?").param(november).update();
		String octoberCode = code(october);
		String novemberCode = code(november);

		signIn(newUser(organisation, Role.ANALYST));
		LineScope scope = this.lineScopes.resolve("line:" + line.key(), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.exports.xlsx(scope, Locale.ENGLISH, out);

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			assertThat(workbook.getSheetName(0)).isEqualTo("Summary");
			assertThat(workbook.getSheetName(1)).isEqualTo("2026-10");
			assertThat(workbook.getSheetName(2)).isEqualTo("2026-11");

			Sheet summary = workbook.getSheetAt(0);
			assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Month");
			assertThat(summary.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Interactions");
			assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2026-10");
			assertThat(summary.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1);
			assertThat(summary.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(1);
			int complaintColumn = 7 + FeedbackType.COMPLAINT.ordinal();
			assertThat(summary.getRow(0).getCell(complaintColumn).getStringCellValue()).isEqualTo("Complaint");
			assertThat(summary.getRow(1).getCell(complaintColumn).getNumericCellValue()).isZero();
			assertThat(summary.getRow(2).getCell(complaintColumn).getNumericCellValue()).isEqualTo(1);

			Sheet octoberSheet = workbook.getSheetAt(1);
			Row headings = octoberSheet.getRow(0);
			assertThat(headings.getCell(0).getStringCellValue()).isEqualTo("Code");
			assertThat(headings.getCell(LogColumn.TOPICS.ordinal()).getStringCellValue()).isEqualTo("Topics");
			assertThat(octoberSheet.getLastRowNum()).isEqualTo(1);
			Row row = octoberSheet.getRow(1);
			assertThat(row.getCell(LogColumn.CODE.ordinal()).getStringCellValue()).isEqualTo(octoberCode);
			assertThat(row.getCell(LogColumn.DATE.ordinal()).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 15));
			assertThat(row.getCell(LogColumn.OPERATORS.ordinal()).getStringCellValue()).isEqualTo(ana.displayName());
			assertThat(row.getCell(LogColumn.TOPICS.ordinal()).getStringCellValue()).isEqualTo("salud");
			assertThat(row.getCell(LogColumn.FEEDBACK_TYPE.ordinal()).getStringCellValue()).isEqualTo("QUESTION");
			assertThat(row.getCell(LogColumn.ANSWERED_BY.ordinal()).getStringCellValue()).isEqualTo("PERSON");
			assertThat(row.getCell(LogColumn.CLOSED.ordinal()).getStringCellValue()).isEqualTo("yes");
			assertThat(row.getCell(LogColumn.FIRST_RESPONSE.ordinal()).getNumericCellValue()).isGreaterThanOrEqualTo(0);

			Row novemberRow = workbook.getSheetAt(2).getRow(1);
			assertThat(novemberRow.getCell(LogColumn.CODE.ordinal()).getStringCellValue()).isEqualTo(novemberCode);
			assertThat(novemberRow.getCell(LogColumn.TOPICS.ordinal()).getStringCellValue()).isEqualTo("transferencias, registro");

			// no cell of any sheet carries the number, whole or in its local form
			List<String> cells = new java.util.ArrayList<>();
			DataFormatter formatter = new DataFormatter();
			workbook.forEach(sheet -> sheet.forEach(r -> r.forEach(cell -> cells.add(formatter.formatCellValue(cell)))));
			assertThat(cells).contains(octoberCode, novemberCode);
			assertThat(cells).noneMatch(cell -> cell.replaceAll("\\D", "").contains(phone.substring(4)));
		}
		assertThat(this.jdbc.sql("""
				select count(*) from privacy_audit_log where action = 'FEEDBACK_LOG_EXPORTED' and organisation_id = ?
				and detail ->> 'format' = 'xlsx' and (detail ->> 'records')::int = 2
				""").param(organisation.id()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void theCsvHasHeadingsThenTheHxlRowThenRecordsAndNeutralisesFormulas() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		long conversation = loggedSuggestion(organisation, line);
		this.jdbc.sql("update feedback_log set location = '=HYPERLINK(\"x\")' where conversation_id = ?").param(conversation).update();

		signIn(newUser(organisation, Role.COORDINATOR));
		LineScope scope = aroundToday(line);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.exports.csv(scope, true, Locale.forLanguageTag("es"), out);

		String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).values()).startsWith("Código", "Fecha", "Línea", "Canal");
		assertThat(rows.get(1).values()).startsWith("#meta+id", "#date", "#meta+line", "#meta+channel").contains("#adm1+name");
		CSVRecord record = rows.get(2);
		assertThat(record.get(LogColumn.CODE.ordinal())).isEqualTo(code(conversation));
		assertThat(record.get(LogColumn.FEEDBACK_TYPE.ordinal())).isEqualTo("SUGGESTION");
		assertThat(record.get(LogColumn.LOCATION.ordinal())).isEqualTo("'=HYPERLINK(\"x\")");
	}

	@Test
	void everyFormulaPrefixIsNeutralisedInTheCsvAndStaysPlainTextInTheWorkbook() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		long conversation = loggedSuggestion(organisation, line);
		signIn(newUser(organisation, Role.COORDINATOR));
		LineScope scope = aroundToday(line);

		for (String prefix : List.of("=", "+", "-", "@", "\t", "\r")) {
			String hostile = prefix + "cmd|' /C calc'!A0";
			this.jdbc.sql("update feedback_log set location = ? where conversation_id = ?").params(hostile, conversation).update();

			ByteArrayOutputStream csv = new ByteArrayOutputStream();
			this.exports.csv(scope, false, Locale.ENGLISH, csv);
			List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(new String(csv.toByteArray(), StandardCharsets.UTF_8).substring(1)))
				.getRecords();
			assertThat(rows.get(1).get(LogColumn.LOCATION.ordinal())).as("csv, prefix %s", (int) prefix.charAt(0)).isEqualTo("'" + hostile);

			ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
			this.exports.xlsx(scope, Locale.ENGLISH, xlsx);
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
				org.apache.poi.ss.usermodel.Cell cell = workbook.getSheetAt(1).getRow(1).getCell(LogColumn.LOCATION.ordinal());
				assertThat(cell.getCellType()).as("xlsx, prefix %s", (int) prefix.charAt(0)).isEqualTo(CellType.STRING);
				assertThat(cell.getStringCellValue()).isIn(hostile, "'" + hostile);
			}
		}
	}

	private String code(long conversation) {
		return this.jdbc.sql("select record_code from feedback_log where conversation_id = ?").param(conversation)
			.query(String.class).single();
	}

	/** A conversation answered, closed and coded as a suggestion on salud, once its feedback record is logged. */
	private long loggedSuggestion(Organisation organisation, Line line) {
		long conversation = answeredAndClosed(line, randomPhone(), newUser(organisation, Role.OPERATOR),
				new Coding(List.of("salud"), List.of(), FeedbackType.SUGGESTION));
		eventually(() -> this.jdbc.sql("select count(*) from feedback_log where conversation_id = ? and feedback_type is not null")
			.param(conversation).query(Integer.class).single() == 1, "logged");
		// the record's durable refresh rebuilds it from the conversation: the tests write into the record after it
		eventually(() -> this.jdbc.sql("select count(*) from jobs_scheduled_task where task_name = 'feedback-log-refresh' and task_instance = ?")
			.param("conversation-" + conversation).query(Integer.class).single() == 0, "the record's durable refresh done");
		return conversation;
	}

	/** The line's records from two days ago to tomorrow. */
	private LineScope aroundToday(Line line) {
		return this.lineScopes.resolve("line:" + line.key(), LocalDate.now().minusDays(2), LocalDate.now().plusDays(1));
	}

}
