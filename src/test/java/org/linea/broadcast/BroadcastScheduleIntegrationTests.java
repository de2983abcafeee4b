package org.linea.broadcast;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.audience.Audience;
import org.linea.audience.ConsentPurpose;
import org.linea.audience.ContactImport;
import org.linea.knowledge.Answer;
import org.linea.knowledge.BankFile;
import org.linea.knowledge.EntryContent;
import org.linea.knowledge.EntryKind;
import org.linea.knowledge.EntryStatus;
import org.linea.knowledge.KnowledgeService;

import org.linea.access.LineaUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A Mon/Wed/Fri-style schedule sends the content calendar's key messages in turn, once a day. */
class BroadcastScheduleIntegrationTests extends LineaIntegrationTest {

	@Autowired
	BroadcastSchedules schedules;

	@Autowired
	KnowledgeService knowledge;

	@Autowired
	ContactImport imports;

	@Autowired
	WebApplicationContext context;

	@Test
	void eachRunOnAScheduledDaySendsTheNextKeyMessageOnceAndOtherDaysNothing() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		signIn(newUser(organisation, Role.COORDINATOR));
		for (String key : List.of("CAL-01", "CAL-02")) {
			this.knowledge.create(line.key(), new EntryContent(key, "mensajes", EntryKind.KEY_MESSAGE, "Mensaje " + key, List.of(),
					Map.of("es", new Answer("Mensaje clave " + key, null)), List.of(), List.of(), "", null));
			this.knowledge.setStatus(line.key(), key, EntryStatus.VALIDATED);
		}
		this.imports.importFile(line.key(), BankFile.CSV, new ByteArrayInputStream(("phone,language,consent\n" + randomPhone()
				+ ",es,BROADCASTS\n" + randomPhone() + ",es,BROADCASTS\n").getBytes(StandardCharsets.UTF_8)), "lista.csv", null, "v1", null);
		DayOfWeek today = ZonedDateTime.now(line.timeZone()).getDayOfWeek();
		long schedule = this.schedules.create(line.key(), new ScheduleRequest("Calendario", Audience.of(ConsentPurpose.BROADCASTS),
				List.of(today), LocalTime.MIDNIGHT, List.of("CAL-01", "CAL-02"), null));
		long otherDay = this.schedules.create(line.key(), new ScheduleRequest("Otro día", Audience.of(ConsentPurpose.BROADCASTS),
				List.of(today.plus(1)), LocalTime.MIDNIGHT, List.of("CAL-01"), null));

		this.schedules.runIfDue(schedule);
		this.schedules.runIfDue(schedule);
		this.schedules.runIfDue(otherDay);
		assertThat(campaignEntries(schedule)).as("one broadcast today").containsExactly("CAL-01");
		assertThat(campaignEntries(otherDay)).isEmpty();

		// the next scheduled day
		this.jdbc.sql("update broadcast_schedule set last_run_on = last_run_on - 1 where id = ?").param(schedule).update();
		this.schedules.runIfDue(schedule);
		assertThat(campaignEntries(schedule)).containsExactly("CAL-01", "CAL-02");
		assertThat(this.schedules.list(line.key())).extracting(BroadcastSchedules.Schedule::nextPosition).containsExactly(2, 0);
		eventually(() -> this.jdbc.sql("""
				select count(*) from broadcast_recipient r join broadcast_campaign c on c.id = r.campaign_id
				where c.schedule_id = ? and r.status in ('SENT', 'DELIVERED', 'READ')
				""").param(schedule).query(Long.class).single() == 4, "both people got both key messages");
		assertThat(this.jdbc.sql("select count(*) from channel_outbox where line_id = ? and body = 'Mensaje clave CAL-02'")
			.param(line.id()).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void theSchedulesPageCreatesAMonWedFriCalendarPausesAndResumesItAndRefusesWrongFormsInTheUsersLanguage() throws Exception {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		signIn(coordinator);
		for (String key : List.of("PAGE-01", "PAGE-02")) {
			this.knowledge.create(line.key(), new EntryContent(key, "mensajes", EntryKind.KEY_MESSAGE, "Título " + key, List.of(),
					Map.of("es", new Answer("Mensaje clave " + key, null)), List.of(), List.of(), "", null));
			this.knowledge.setStatus(line.key(), key, EntryStatus.VALIDATED);
		}
		org.springframework.security.core.context.SecurityContextHolder.clearContext();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		String page = "/broadcasts/lines/" + line.key() + "/schedules";

		String empty = mvc.perform(get(page).with(user(coordinator)).header("Accept-Language", "es")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(empty).contains("Aún no hay programaciones", "PAGE-01", "Título PAGE-02", "lunes", "America/Lima");

		MvcResult refused = mvc.perform(post(page).param("name", "Calendario").param("time", "10:00").param("entries", "PAGE-01\nNO-EXISTE")
			.with(user(coordinator)).with(csrf()).header("Accept-Language", "es")).andReturn();
		assertThat(refused.getFlashMap().get("errorText")).asString().contains("Marque al menos un día",
				"«NO-EXISTE» no es un mensaje clave validado");
		assertThat(schedulesOf(coordinator, line)).as("nothing created").isEmpty();

		mvc.perform(post(page).param("name", "Calendario semanal").param("days", "MONDAY", "WEDNESDAY", "FRIDAY").param("time", "10:00")
			.param("entries", "PAGE-01\r\nPAGE-02").with(user(coordinator)).with(csrf()).header("Accept-Language", "en")).andReturn();
		signIn(coordinator);
		List<BroadcastSchedules.Schedule> created = schedulesOf(coordinator, line);
		assertThat(created).singleElement().satisfies(s -> {
			assertThat(s.days()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
			assertThat(s.time()).isEqualTo(LocalTime.of(10, 0));
			assertThat(s.entries()).containsExactly("PAGE-01", "PAGE-02");
			assertThat(s.active()).isTrue();
		});
		long id = created.getFirst().id();
		String listed = mvc.perform(get(page).with(user(coordinator)).header("Accept-Language", "en")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(listed).contains("Calendario semanal", "Mon, Wed, Fri", "10:00", "/broadcast-schedules/" + id + "/pause");

		assertThat(mvc.perform(post("/broadcast-schedules/" + id + "/pause").with(user(coordinator)).with(csrf())).andReturn()
			.getResponse().getRedirectedUrl()).isEqualTo(page);
		assertThat(schedulesOf(coordinator, line).getFirst().active()).isFalse();
		// a paused schedule creates nothing, even on its day at its time
		this.jdbc.sql("update broadcast_schedule set days = '{1,2,3,4,5,6,7}', at_time = '00:00' where id = ?").param(id).update();
		this.schedules.runIfDue(id);
		assertThat(campaignEntries(id)).isEmpty();
		assertThat(mvc.perform(get(page).with(user(coordinator)).header("Accept-Language", "es")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("En pausa", "/broadcast-schedules/" + id + "/resume");

		// resumed by the API, it sends on its next run
		assertThat(mvc.perform(post("/api/broadcast-schedules/" + id + "/resume").with(user(coordinator)).with(csrf())).andReturn()
			.getResponse().getContentAsString()).contains("\"active\":true");
		this.schedules.runIfDue(id);
		assertThat(campaignEntries(id)).containsExactly("PAGE-01");
		// someone of another organisation can neither pause nor resume it
		LineaUser stranger = newUser(newOrganisation(), Role.COORDINATOR);
		assertThat(mvc.perform(post("/api/broadcast-schedules/" + id + "/pause").with(user(stranger)).with(csrf())).andReturn()
			.getResponse().getStatus()).isIn(403, 404);
		assertThat(schedulesOf(coordinator, line).getFirst().active()).isTrue();
	}

	private List<BroadcastSchedules.Schedule> schedulesOf(LineaUser user, Line line) {
		signIn(user);
		return this.schedules.list(line.key());
	}

	private List<String> campaignEntries(long schedule) {
		return this.jdbc.sql("select message->>'entry' from broadcast_campaign where schedule_id = ? order by id")
			.param(schedule)
			.query(String.class)
			.list();
	}

}
