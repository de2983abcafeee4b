package org.linea.feedback.referral;

import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.feedback.LineScopes;
import org.linea.feedback.LineScope;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
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

class ProgrammeReferralsIntegrationTests extends InteractionsIntegrationTest {

	@Autowired
	ProgrammeReferrals referrals;

	@Autowired
	LineScopes scopes;

	@Test
	void aComplaintIsReferredToAProgrammeAndFollowedUntilClosedWithWhoAndWhen() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		long complaint = logged(answeredAndClosed(line, randomPhone(), operator,
				new Coding(List.of("transferencias"), List.of(), FeedbackType.COMPLAINT)));
		long question = logged(answeredAndClosed(line, randomPhone(), operator,
				new Coding(List.of("transferencias"), List.of(), FeedbackType.QUESTION)));

		signIn(operator);
		assertThatThrownBy(() -> this.referrals.refer(question, "Transferencias", null)).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> this.referrals.refer(complaint, " ", null)).isInstanceOf(InvalidRequestException.class);
		long referral = this.referrals.refer(complaint, "Transferencias monetarias", "No recibió el segundo pago");
		ProgrammeReferral referred = this.referrals.of(complaint).getFirst();
		LocalDate today = this.jdbc.sql("select opened_day from feedback_log where conversation_id = ?").param(complaint)
			.query(LocalDate.class).single();
		assertThat(referred.step()).isEqualTo(ReferralStep.REFERRED);
		assertThat(referred.category()).isEqualTo("COMPLAINT");
		assertThat(referred.dueOn()).isEqualTo(today.plusDays(7));
		assertThat(referred.overdue()).isFalse();
		assertThat(referred.referred().by()).isEqualTo(operator.displayName());
		assertThat(this.referrals.programmes(organisation.id())).containsExactly("Transferencias monetarias");

		assertThatThrownBy(() -> this.referrals.advance(referral, ReferralStep.INFORMED, null)).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> this.referrals.advance(referral, ReferralStep.RESPONDED, "")).isInstanceOf(InvalidRequestException.class);
		this.referrals.advance(referral, ReferralStep.RESPONDED, "El pago se reprogramó para el 5");

		signIn(newUser(organisation, Role.ANALYST));
		assertThat(this.referrals.of(complaint).getFirst().step()).isEqualTo(ReferralStep.RESPONDED);
		assertThatThrownBy(() -> this.referrals.advance(referral, ReferralStep.INFORMED, null)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.referrals.refer(complaint, "Salud", null)).isInstanceOf(AccessDeniedException.class);
		signIn(newUser(newOrganisation(), Role.COORDINATOR));
		assertThatThrownBy(() -> this.referrals.advance(referral, ReferralStep.INFORMED, null)).isInstanceOf(NotFoundException.class);

		// past its due date and not closed, it is overdue
		this.jdbc.sql("update feedback_programme_referral set due_on = ? where id = ?").params(today.minusDays(1), referral).update();
		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		signIn(coordinator);
		assertThat(this.referrals.of(complaint).getFirst().overdue()).isTrue();
		LineScope scope = this.scopes.resolve("line:" + line.key(), null, null);
		assertThat(this.referrals.overdue(scope)).extracting(ProgrammeReferrals.Overdue::conversationId).containsExactly(complaint);
		this.referrals.advance(referral, ReferralStep.INFORMED, null);
		this.referrals.advance(referral, ReferralStep.CLOSED, null);
		assertThatThrownBy(() -> this.referrals.advance(referral, ReferralStep.CLOSED, null)).isInstanceOf(InvalidRequestException.class);

		ProgrammeReferral closed = this.referrals.of(complaint).getFirst();
		assertThat(closed.step()).isEqualTo(ReferralStep.CLOSED);
		assertThat(closed.overdue()).isFalse();
		assertThat(this.referrals.overdue(scope)).isEmpty();
		assertThat(closed.response()).isEqualTo("El pago se reprogramó para el 5");
		assertThat(closed.steps()).extracting(s -> s.taken().by())
			.containsExactly(operator.displayName(), operator.displayName(), coordinator.displayName(), coordinator.displayName());
		assertThat(closed.steps()).allMatch(s -> s.taken().at() != null);
	}

	private long logged(long conversation) {
		eventually(() -> this.jdbc.sql("select count(*) from feedback_log where conversation_id = ? and feedback_type is not null")
			.param(conversation).query(Integer.class).single() == 1, "logged");
		return conversation;
	}

}
