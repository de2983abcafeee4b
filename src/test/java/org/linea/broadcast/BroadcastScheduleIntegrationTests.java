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

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A Mon/Wed/Fri-style schedule sends the content calendar's key messages in turn, once a day. */
class BroadcastScheduleIntegrationTests extends LineaIntegrationTest {

	@Autowired
	BroadcastSchedules schedules;

	@Autowired
	KnowledgeService knowledge;

	@Autowired
	ContactImport imports;

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

	private List<String> campaignEntries(long schedule) {
		return this.jdbc.sql("select message->>'entry' from broadcast_campaign where schedule_id = ? order by id")
			.param(schedule)
			.query(String.class)
			.list();
	}

}
