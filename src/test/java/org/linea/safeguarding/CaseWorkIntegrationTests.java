package org.linea.safeguarding;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.SimulatorLineWithBankTest;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.personaldata.DataTypes;
import org.linea.privacy.RetentionService;
import org.linea.privacy.SubjectRequests;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The referral pathway: a line's service map, a case's notes, referrals with consent, follow-ups and
 * closing with an outcome, all audited; case content under its own retention period and in a person's
 * export and erasure; and nobody but the organisation's focal points gets any of it.
 */
class CaseWorkIntegrationTests extends SimulatorLineWithBankTest {

	@Autowired
	CaseWork work;

	@Autowired
	ServiceMap services;

	@Autowired
	SafeguardingService safeguarding;

	@Autowired
	RetentionService retention;

	@Autowired
	SubjectRequests subjects;

	@Test
	void aFocalPointNotesRefersFollowsUpAndClosesTheCaseWithAnOutcomeEveryStepAudited() {
		SafeguardingCase opened = report("mi pareja me pega y hoy me amenazo con quitarme a los niños, tengo miedo de volver a la casa");
		signIn(this.coordinator);
		SupportService shelter = this.services.add(this.line.key(),
				new ServiceMap.ServiceForm(" Casa Refugio Lima ", ServiceKind.SHELTER, "+51 1 555 0101", "24/7", "es, QU"));
		assertThat(shelter.languages()).containsExactly("es", "qu");
		assertThatThrownBy(() -> this.services.add(this.line.key(), new ServiceMap.ServiceForm("X", ServiceKind.HEALTH, "", "", "español")))
			.isInstanceOf(InvalidRequestException.class);

		signIn(newUser(this.organisation, Role.SAFEGUARDING));
		this.work.addNote(opened.id(), "Hablamos por WhatsApp; prefiere que no la llamen.");
		assertThatThrownBy(() -> this.work.refer(opened.id(), shelter.id(), Consent.LIFE_AT_RISK, ""))
			.isInstanceOf(InvalidRequestException.class).hasMessageContaining("life is at risk");
		long referral = this.work.refer(opened.id(), shelter.id(), Consent.GIVEN, "Compartido solo su nombre y distrito");
		this.work.followUp(opened.id(), referral, ReferralStatus.ACCEPTED, "La recibieron el martes");
		assertThatThrownBy(() -> this.work.close(opened.id(), Outcome.OTHER, " "))
			.isInstanceOf(InvalidRequestException.class);
		this.work.close(opened.id(), Outcome.SUPPORTED, "Está en el albergue");

		CaseFile file = this.work.file(opened.id());
		assertThat(file.safeguardingCase().status()).isEqualTo("CLOSED");
		assertThat(file.outcomeCode()).isEqualTo("SUPPORTED");
		assertThat(file.safeguardingCase().outcome()).isEqualTo("Está en el albergue");
		assertThat(file.notes()).singleElement().satisfies(n -> assertThat(n.text()).contains("prefiere que no la llamen"));
		assertThat(file.referrals()).singleElement().satisfies(r -> {
			assertThat(r.service()).isEqualTo("Casa Refugio Lima");
			assertThat(r.consent()).isEqualTo(Consent.GIVEN);
			assertThat(r.status()).isEqualTo(ReferralStatus.ACCEPTED);
			assertThat(r.followUps()).singleElement().satisfies(f -> assertThat(f.note()).isEqualTo("La recibieron el martes"));
		});
		// closed: nothing more is added
		assertThatThrownBy(() -> this.work.addNote(opened.id(), "otra")).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> this.work.followUp(opened.id(), referral, ReferralStatus.ATTENDED, ""))
			.isInstanceOf(InvalidRequestException.class);

		List<Map<String, Object>> audited = this.jdbc.sql("""
				select action, detail::text as detail from privacy_audit_log where subject_type = 'safeguarding_case' and subject_id = ? order by id
				""").param(opened.code()).query((rs, n) -> Map.<String, Object>of("action", rs.getString(1), "detail", rs.getString(2))).list();
		assertThat(audited).extracting(m -> m.get("action"))
			.containsExactly("SAFEGUARDING_NOTE_ADDED", "SAFEGUARDING_REFERRED", "SAFEGUARDING_FOLLOWED_UP", "SAFEGUARDING_CLOSED");
		// the audit says what was done, never what was written
		assertThat(audited).extracting(m -> (String) m.get("detail")).noneMatch(d -> d.contains("albergue") || d.contains("llamen"));
	}

	@Test
	void anOperatorOfTheTeamAndAnyoneOfAnotherOrganisationGetNothingOfTheCase() {
		SafeguardingCase opened = report("el voluntario me dijo q si salgo a cenar con el me pone en la lista del bono");
		signIn(this.coordinator);
		SupportService hotline = this.services.add(this.line.key(), new ServiceMap.ServiceForm("Línea 100", ServiceKind.HOTLINE, "100", "", ""));
		LineaUser focalPoint = newUser(this.organisation, Role.SAFEGUARDING);
		signIn(focalPoint);
		this.work.addNote(opened.id(), "nota reservada");
		long referral = this.work.refer(opened.id(), hotline.id(), Consent.GIVEN, "");

		// the organisation's operators and coordinators: refused
		for (Role role : List.of(Role.OPERATOR, Role.COORDINATOR, Role.SPECIALIST, Role.ANALYST, Role.ADMIN)) {
			signIn(newUser(this.organisation, role));
			assertThatThrownBy(() -> this.work.file(opened.id())).as(role.name()).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> this.work.addNote(opened.id(), "x")).as(role.name()).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> this.work.followUp(opened.id(), referral, ReferralStatus.ATTENDED, ""))
				.as(role.name()).isInstanceOf(AccessDeniedException.class);
		}
		// another organisation, even its focal points: the case does not exist; its service map is not theirs
		Organisation other = newOrganisation();
		for (Role role : List.of(Role.OPERATOR, Role.SAFEGUARDING, Role.COORDINATOR)) {
			signIn(newUser(other, role));
			assertThatThrownBy(() -> this.work.file(opened.id())).as(role.name()).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> this.work.close(opened.id(), Outcome.UNFOUNDED, "")).as(role.name()).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> this.services.of(this.line.key())).as(role.name()).isInstanceOf(NotFoundException.class);
			assertThat(this.safeguarding.cases()).as(role.name()).isEmpty();
		}
		// a focal point of another organisation cannot refer this case to her own line's service either
		LineaUser otherFocalPoint = newUser(other, Role.SAFEGUARDING);
		signIn(newUser(other, Role.COORDINATOR));
		SupportService theirs = this.services.add(newLine(other).key(), new ServiceMap.ServiceForm("Otro", ServiceKind.POLICE, "", "", ""));
		signIn(otherFocalPoint);
		assertThatThrownBy(() -> this.work.refer(opened.id(), theirs.id(), Consent.GIVEN, "")).isInstanceOf(NotFoundException.class);
		signIn(focalPoint);
		assertThatThrownBy(() -> this.work.refer(opened.id(), theirs.id(), Consent.GIVEN, "")).isInstanceOf(InvalidRequestException.class);
		assertThat(this.work.file(opened.id()).notes()).extracting(CaseFile.Note::text).containsExactly("nota reservada");
	}

	@Test
	void caseContentKeepsItsOwnRetentionPeriodAndIsInThePersonsExportAndErasure() {
		String phone = randomPhone();
		write(phone, "hola, ¿a qué hora abren?");
		eventuallyReceived(phone, 1);
		String otherPhone = randomPhone();
		write(otherPhone, "el señor del registro me pidio 50 soles para ponerme en la lista, dijo q no le cuente a nadie");
		SafeguardingCase opened = eventuallyCase();
		signIn(this.coordinator);
		SupportService police = this.services.add(this.line.key(), new ServiceMap.ServiceForm("Comisaría", ServiceKind.POLICE, "105", "", ""));
		signIn(newUser(this.organisation, Role.SAFEGUARDING));
		this.work.addNote(opened.id(), "marcador-nota-caso");
		long referral = this.work.refer(opened.id(), police.id(), Consent.GIVEN, "marcador-derivacion");
		this.work.followUp(opened.id(), referral, ReferralStatus.NO_RESPONSE, "marcador-seguimiento");

		// everything is ten days old; the line keeps message texts 5 days, case content a year
		this.jdbc.sql("update conversation_message set created_at = created_at - interval '10 days' where line_id = ?").param(this.line.id()).update();
		this.jdbc.sql("update safeguarding_case_note set created_at = created_at - interval '10 days' where case_id = ?").param(opened.id()).update();
		this.jdbc.sql("update safeguarding_referral set referred_at = referred_at - interval '10 days' where case_id = ?").param(opened.id()).update();
		signIn(this.coordinator);
		assertThat(this.retention.periods(this.line.key())).containsKey(SafeguardingPersonalData.CASE_CONTENT);
		this.retention.setPeriod(this.line.key(), DataTypes.MESSAGE_TEXTS, 5);
		this.retention.setPeriod(this.line.key(), SafeguardingPersonalData.CASE_CONTENT, 365);
		this.retention.applyRetention();
		assertThat(texts("select body from conversation_message where conversation_id <> ? and line_id = ?", opened.conversationId(), this.line.id()))
			.as("the general conversation's texts are past their period").allMatch(t -> t == null);
		assertThat(texts("select body from conversation_message where conversation_id = ? and direction = 'IN'", opened.conversationId()))
			.as("the case's messages keep the case's period").anyMatch(t -> t != null && t.contains("50 soles"));
		assertThat(texts("select text from safeguarding_case_note where case_id = ?", opened.id())).containsExactly("marcador-nota-caso");

		String code = this.jdbc.sql("select contact_code from conversation_conversation where id = ?").param(opened.conversationId())
			.query(String.class).single();
		String export = String.valueOf(this.subjects.export(this.line.key(), code).get("safeguarding"));
		assertThat(export).contains(opened.code()).contains("marcador-nota-caso").contains("marcador-derivacion")
			.contains("marcador-seguimiento").contains("Comisaría");
		assertThat(this.subjects.erase(this.line.key(), code).erased()).containsEntry(SafeguardingPersonalData.CASE_CONTENT, 3);
		assertThat(texts("select text from safeguarding_case_note where case_id = ?", opened.id())).containsOnlyNulls();
		assertThat(texts("select note from safeguarding_referral where case_id = ?", opened.id())).containsOnlyNulls();

		// and a purge of case content empties a case's texts, counted under its own type
		SafeguardingCase second = report("mi jefe me quito el pasaporte y no me deja salir de la casa donde trabajo");
		signIn(newUser(this.organisation, Role.SAFEGUARDING));
		this.work.addNote(second.id(), "otra nota");
		signIn(this.coordinator);
		Map<String, Integer> purged = this.retention.purge(this.line.key(), Duration.ZERO);
		assertThat(purged.get(SafeguardingPersonalData.CASE_CONTENT)).isGreaterThanOrEqualTo(2);
		assertThat(texts("select text from safeguarding_case_note where case_id = ?", second.id())).containsOnlyNulls();
	}

	private List<String> texts(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(String.class).list();
	}

	private SafeguardingCase report(String text) {
		write(randomPhone(), text);
		return eventuallyCaseWith(text.substring(0, 20));
	}

	private SafeguardingCase eventuallyCase() {
		eventually(() -> this.jdbc.sql("select count(*) from safeguarding_case where line_id = ?").param(this.line.id())
			.query(Long.class).single() > 0, "a case is opened");
		long conversation = this.jdbc.sql("select conversation_id from safeguarding_case where line_id = ? order by id limit 1")
			.param(this.line.id()).query(Long.class).single();
		return this.safeguarding.caseOf(conversation).orElseThrow();
	}

	private SafeguardingCase eventuallyCaseWith(String start) {
		String sql = """
				select c.conversation_id from safeguarding_case c join conversation_message m on m.id = c.trigger_message_id
				where c.line_id = ? and m.body like ?
				""";
		eventually(() -> !this.jdbc.sql(sql).params(this.line.id(), start + "%").query(Long.class).list().isEmpty(), "a case is opened");
		return this.safeguarding.caseOf(this.jdbc.sql(sql).params(this.line.id(), start + "%").query(Long.class).single()).orElseThrow();
	}

}
