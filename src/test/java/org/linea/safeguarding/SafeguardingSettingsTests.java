package org.linea.safeguarding;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What docs/safeguarding.md once told to set by SQL, set on the settings page, checked as it is written. */
class SafeguardingSettingsTests extends LineaIntegrationTest {

	@Autowired
	SafeguardingSettings settings;

	@Autowired
	SafeReplies replies;

	@Autowired
	CaseAlerts alerts;

	Organisation organisation;

	Line line;

	LineaUser coordinator;

	LineaUser focalPoint;

	@BeforeEach
	void line() {
		this.organisation = newOrganisation();
		this.line = newLine(this.organisation);
		this.coordinator = newUser(this.organisation, Role.COORDINATOR);
		this.focalPoint = newUser(this.organisation, Role.SAFEGUARDING);
		signIn(this.coordinator);
	}

	@Test
	void emergencyNumbersAndMinutesAreSavedAndToldToAPersonAtRisk() {
		this.settings.setAlerting(this.line.key(), " Policía 105 · Línea 100 ", 7);
		assertThat(this.settings.of(this.line.key()).emergencyNumbers()).isEqualTo("Policía 105 · Línea 100");
		assertThat(this.settings.of(this.line.key()).ackMinutes()).isEqualTo(7);
		assertThat(urgentReply()).contains("Policía 105 · Línea 100");
		assertThatThrownBy(() -> this.settings.setAlerting(this.line.key(), "", 0)).isInstanceOf(InvalidRequestException.class);
		assertThat(audited("SAFEGUARDING_ALERTING_CHANGED")).isEqualTo(1);
	}

	@Test
	void theRotaTakesFocalPointsOnlyWithHoursAsOpeningHoursAndAlertsInOrder() {
		LineaUser second = newUser(this.organisation, Role.SAFEGUARDING);
		this.settings.addToRota(this.line.key(), this.focalPoint.id(), "primera@example.org", "MON-SUN 08:00-20:00");
		this.settings.addToRota(this.line.key(), second.id(), "segunda@example.org", "");
		assertThatThrownBy(() -> this.settings.addToRota(this.line.key(), newUser(this.organisation, Role.OPERATOR).id(), "x@example.org", ""))
			.isInstanceOf(InvalidRequestException.class).hasMessageContaining("SAFEGUARDING");
		assertThatThrownBy(() -> this.settings.addToRota(this.line.key(), second.id(), "no es correo", ""))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> this.settings.addToRota(this.line.key(), second.id(), "x@example.org", "todos los días"))
			.isInstanceOf(InvalidRequestException.class).hasMessageContaining("MON-FRI");
		// 14:00 in Lima: both on call, in the rota's order
		assertThat(this.alerts.onCall(this.line, java.time.Instant.parse("2026-12-02T19:00:00Z"))).extracting(CaseAlerts.OnCall::email)
			.containsExactly("primera@example.org", "segunda@example.org");
		this.settings.removeFromRota(this.line.key(), 1);
		assertThat(this.settings.of(this.line.key()).rota()).extracting(SafeguardingSettings.RotaEntry::email)
			.containsExactly("segunda@example.org");
	}

	@Test
	void severalInvestigationFocalPointsAreNamedAndRemoved() {
		LineaUser second = newUser(this.organisation, Role.SAFEGUARDING);
		this.settings.addInvestigator(this.line.key(), this.focalPoint.id(), "investiga@example.org");
		this.settings.addInvestigator(this.line.key(), second.id(), "investiga2@example.org");
		assertThat(this.alerts.investigators(this.organisation.id(), java.util.Set.of())).extracting(CaseAlerts.OnCall::email)
			.containsExactlyInAnyOrder("investiga@example.org", "investiga2@example.org");
		this.settings.removeInvestigator(this.line.key(), second.id());
		assertThat(this.settings.of(this.line.key()).investigators()).extracting(SafeguardingSettings.Investigator::email)
			.containsExactly("investiga@example.org");
		assertThatThrownBy(() -> this.settings.addInvestigator(this.line.key(), this.coordinator.id(), "c@example.org"))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void anOwnSafeReplyIsADraftUntilValidatedAndAnUrgentOneMustGiveTheNumbers() {
		this.settings.setAlerting(this.line.key(), "Línea 100", 10);
		String shipped = urgentReply();
		assertThatThrownBy(() -> this.settings.saveReply(this.line.key(), "URGENT", "es", "Te escribimos ya."))
			.isInstanceOf(InvalidRequestException.class).hasMessageContaining("{numbers}");
		assertThatThrownBy(() -> this.settings.saveReply(this.line.key(), "URGENT", "de", "Ruf {numbers} an"))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> this.settings.saveReply(this.line.key(), "RUMOUR", "es", "x")).isInstanceOf(InvalidRequestException.class);
		this.settings.saveReply(this.line.key(), "URGENT", "es", "Una persona de la Cruz Roja te escribe ya. Llama al {numbers}.");
		assertThat(urgentReply()).as("a draft is never sent").isEqualTo(shipped);

		SafeguardingSettings.OwnReply draft = this.settings.of(this.line.key()).replies().getFirst();
		assertThat(draft.status()).isEqualTo("DRAFT");
		signIn(this.focalPoint);
		this.settings.validateReply(this.line.key(), draft.id());
		assertThat(urgentReply()).isEqualTo("Una persona de la Cruz Roja te escribe ya. Llama al Línea 100.");
		// changing it makes it a draft again: the shipped reply goes out until it is validated anew
		this.settings.saveReply(this.line.key(), "URGENT", "es", "Cambio sin revisar {numbers}");
		assertThat(urgentReply()).isEqualTo(shipped);
		this.settings.removeReply(this.line.key(), draft.id());
		assertThat(this.settings.of(this.line.key()).replies()).isEmpty();
		assertThat(audited("SAFEGUARDING_REPLY_CHANGED")).isEqualTo(4);
	}

	@Test
	void operatorsAreRefusedAndAnotherOrganisationFindsNoLine() {
		signIn(newUser(this.organisation, Role.OPERATOR));
		assertThatThrownBy(() -> this.settings.of(this.line.key())).isInstanceOf(AccessDeniedException.class);
		for (Role role : List.of(Role.COORDINATOR, Role.SAFEGUARDING)) {
			signIn(newUser(newOrganisation(), role));
			assertThatThrownBy(() -> this.settings.of(this.line.key())).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> this.settings.addInvestigator(this.line.key(), this.focalPoint.id(), "x@example.org"))
				.isInstanceOf(NotFoundException.class);
		}
	}

	private String urgentReply() {
		return this.replies.replies(this.line, new Finding(true, Category.GBV, true, List.of(), "REPORT"), "es").getFirst();
	}

	private long audited(String action) {
		return this.jdbc.sql("select count(*) from privacy_audit_log where action = ? and subject_id = ?").params(action, this.line.key())
			.query(Long.class).single();
	}

}
