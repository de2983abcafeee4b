package org.linea.audience;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.contact.ConsentEvent;
import org.linea.contact.ContactService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/** Importing people with their consent, and who an audience then reaches. */
class AudienceIntegrationTests extends LineaIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	AudienceService audiences;

	@Autowired
	ContactService contacts;

	@Autowired
	org.linea.privacy.SubjectRequests subjects;

	MockMvc mvc;

	Organisation organisation;

	Line line;

	LineaUser coordinator;

	@BeforeEach
	void coordinatorOnANewLine() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.organisation = newOrganisation();
		this.line = newLine(this.organisation);
		this.coordinator = newUser(this.organisation, Role.COORDINATOR);
	}

	@Test
	void aCsvOfPeopleWritesTheirConsentWithItsEvidenceAndTheAudienceCountsThem() throws Exception {
		String first = randomPhone();
		String second = randomPhone();
		String third = randomPhone();
		String csv = "phone,language,consent,tags,location\n" + first + ",es,BROADCASTS|SURVEYS,Cash|tumbes,Lima\n" + second
				+ ",en,BROADCASTS,cash,\n" + third + ",es,SURVEYS,,\n";
		MvcResult result = upload(csv("people.csv", csv), "wordingVersion", "v3-2026", "source", "registro Tumbes",
				"consentedAt", "2026-11-01T10:00:00Z");
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).contains("\"rows\":3", "\"created\":3");

		assertThat(count(Audience.of(ConsentPurpose.BROADCASTS))).isEqualTo(2);
		assertThat(count(Audience.of(ConsentPurpose.SURVEYS))).isEqualTo(2);
		assertThat(count(new Audience(ConsentPurpose.BROADCASTS, List.of("en"), List.of(), null, null))).isEqualTo(1);
		assertThat(count(new Audience(ConsentPurpose.BROADCASTS, List.of(), List.of("CASH"), null, null))).isEqualTo(2);
		assertThat(count(new Audience(ConsentPurpose.BROADCASTS, List.of(), List.of("tumbes"), "lima", null))).isEqualTo(1);
		assertThat(count(new Audience(ConsentPurpose.BROADCASTS, List.of(), List.of(), null, 30))).as("none of them wrote in").isZero();

		long contact = this.contacts.find(this.line.id(), this.contacts.phoneHash(first)).orElseThrow().id();
		Map<String, Object> evidence = this.jdbc.sql("""
				select source, wording_version, occurred_at::text as at from contact_consent_event
				where contact_id = ? and purpose = 'BROADCASTS'
				""").param(contact).query().singleRow();
		assertThat(evidence).containsEntry("source", "import:registro Tumbes").containsEntry("wording_version", "v3-2026");
		assertThat(evidence.get("at").toString()).startsWith("2026-11-01");
		assertThat(this.contacts.get(contact).language()).isEqualTo("es");
	}

	@Test
	void anXlsxImportsTheSameWayAndAnImportAgainAddsNoOneTwice() throws Exception {
		String phone = randomPhone();
		byte[] xlsx = xlsx(List.of(List.of("Phone", "Language", "Consent"), List.of(phone, "en", "BROADCASTS")));
		MockMultipartFile file = new MockMultipartFile("file", "people.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
		assertThat(upload(file).getResponse().getContentAsString()).contains("\"rows\":1", "\"created\":1");
		assertThat(upload(file).getResponse().getContentAsString()).contains("\"rows\":1", "\"created\":0", "\"existing\":1");
		assertThat(count(Audience.of(ConsentPurpose.BROADCASTS))).isEqualTo(1);
	}

	@Test
	void everyBadRowIsReportedByNumberAndNothingIsImported() throws Exception {
		String good = randomPhone();
		String repeated = randomPhone();
		String csv = "phone,language,consent\n" + good + ",es,BROADCASTS\n" + "912345678,es,BROADCASTS\n" + repeated + ",qu,BROADCASTS\n"
				+ repeated + ",es,NEWSLETTER\n" + randomPhone() + ",es,\n";
		MvcResult result = upload(csv("people.csv", csv));
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("\"row\":3", "\"row\":4", "\"row\":5", "\"row\":6")
			.contains("\"code\":\"phone\"", "\"code\":\"language\"", "\"code\":\"duplicate\"", "\"code\":\"consent\"", "\"code\":\"required\"")
			.doesNotContain("\"row\":2")
			.doesNotContain("912345678");
		assertThat(this.jdbc.sql("select count(*) from contact_contact where line_id = ?").param(this.line.id()).query(Long.class).single())
			.as("the good row was not imported either").isZero();
	}

	@Test
	void aFileWithoutTheRequiredColumnsIsRefusedInTheUsersLanguage() throws Exception {
		MvcResult result = this.mvc.perform(MockMvcRequestBuilders.multipart("/api/lines/" + this.line.key() + "/contacts/import")
			.file(csv("people.csv", "phone,idioma\n+51987654321,es\n"))
			.header("Accept-Language", "es")
			.with(user(this.coordinator))
			.with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("El archivo no tiene la columna language",
				"El archivo no tiene la columna consent");
	}

	@Test
	void aLaterStopOrRefusalTakesThePersonOutAndAnotherOrganisationCannotImport() throws Exception {
		String stays = randomPhone();
		String stops = randomPhone();
		String refuses = randomPhone();
		upload(csv("people.csv", "phone,language,consent\n" + stays + ",es,BROADCASTS\n" + stops + ",es,BROADCASTS\n" + refuses
				+ ",es,BROADCASTS\n"));
		long stopping = this.contacts.find(this.line.id(), this.contacts.phoneHash(stops)).orElseThrow().id();
		long refusing = this.contacts.find(this.line.id(), this.contacts.phoneHash(refuses)).orElseThrow().id();
		this.contacts.optOut(stopping, "BAJA");
		this.contacts.recordConsent(refusing, "BROADCASTS", ConsentEvent.WITHDRAWN, null, "keyword");
		long stayer = this.contacts.find(this.line.id(), this.contacts.phoneHash(stays)).orElseThrow().id();

		assertThat(count(Audience.of(ConsentPurpose.BROADCASTS))).isEqualTo(1);
		List<Long> resolved = new java.util.ArrayList<>();
		this.audiences.resolve(this.line, Audience.of(ConsentPurpose.BROADCASTS), resolved::addAll);
		assertThat(resolved).containsExactly(stayer);
		assertThat(this.audiences.includes(this.line, Audience.of(ConsentPurpose.BROADCASTS), refusing)).isFalse();

		LineaUser stranger = newUser(newOrganisation(), Role.COORDINATOR);
		int status = this.mvc.perform(MockMvcRequestBuilders.multipart("/api/lines/" + this.line.key() + "/contacts/import")
			.file(csv("people.csv", "phone,language,consent\n" + randomPhone() + ",es,BROADCASTS\n"))
			.with(user(stranger))
			.with(csrf())).andReturn().getResponse().getStatus();
		assertThat(status).isEqualTo(404);
	}

	@Test
	void theCountEndpointAnswersTheAudienceSize() throws Exception {
		upload(csv("people.csv", "phone,language,consent\n" + randomPhone() + ",es,BROADCASTS\n" + randomPhone() + ",en,BROADCASTS\n"));
		MvcResult result = this.mvc.perform(MockMvcRequestBuilders.post("/api/lines/" + this.line.key() + "/audiences/count")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"consent\": \"BROADCASTS\", \"languages\": [\"en\"]}")
			.with(user(this.coordinator))
			.with(csrf())).andReturn();
		assertThat(result.getResponse().getContentAsString()).isEqualTo("{\"count\":1}");
	}

	@Test
	void aPersonsTagsAreInTheirExportAndGoWhenTheyAreErased() throws Exception {
		String phone = randomPhone();
		upload(csv("people.csv", "phone,language,consent,tags\n" + phone + ",es,BROADCASTS,cash|tumbes\n"));
		String code = this.contacts.find(this.line.id(), this.contacts.phoneHash(phone)).orElseThrow().code();
		signIn(this.coordinator);
		assertThat(this.subjects.export(this.line.key(), code)).containsEntry("audienceTags", List.of("cash", "tumbes"));
		this.subjects.erase(this.line.key(), code);
		assertThat(this.jdbc.sql("select count(*) from audience_contact_tag t join contact_contact c on c.id = t.contact_id where c.code = ?")
			.param(code).query(Long.class).single()).isZero();
		assertThat(count(new Audience(ConsentPurpose.BROADCASTS, List.of(), List.of("cash"), null, null))).isZero();
	}

	private long count(Audience audience) {
		return this.audiences.count(this.line, audience);
	}

	private MvcResult upload(MockMultipartFile file, String... params) throws Exception {
		var request = MockMvcRequestBuilders.multipart("/api/lines/" + this.line.key() + "/contacts/import").file(file);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return this.mvc.perform(request.with(user(this.coordinator)).with(csrf())).andReturn();
	}

	private static MockMultipartFile csv(String name, String content) {
		return new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] xlsx(List<List<String>> rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("people");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
