package org.linea.feedback.log;

import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.feedback.LineScopes;
import org.linea.feedback.LineScope;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.CodingCorrection;
import org.linea.feedback.coding.FeedbackCodingService;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.coding.InformationType;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.shared.InvalidRequestException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedbackLogIntegrationTests extends InteractionsIntegrationTest {

	@Autowired
	FeedbackLog log;

	@Autowired
	FeedbackCodingService coding;

	@Autowired
	LineScopes scopes;

	@Test
	void anInteractionIsLoggedWithItsCodingTimesSatisfactionAndConsentedDemographics() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser ana = newUser(organisation, Role.OPERATOR);
		String phone = randomPhone();
		long conversation = answeredAndClosed(line, phone, ana,
				new Coding(List.of("transferencias"), List.of(InformationType.PROGRAMME_INFORMATION), FeedbackType.QUESTION));

		for (String reply : List.of("5", "1", "1", "2", "Tumbes", "1")) {
			answer(line, phone, reply);
		}
		eventually(() -> this.jdbc.sql("select migrant_status from feedback_log where conversation_id = ?").param(conversation)
			.query(String.class).optional().isPresent(), "the demographics reached the log");

		signIn(newUser(organisation, Role.ANALYST));
		LineScope scope = this.scopes.resolve("line:" + line.key(), LocalDate.now().minusDays(1), LocalDate.now().plusDays(1));
		LogRecord record = this.log.page(scope, 0, 10).getFirst();
		assertThat(record.code()).matches("\\d{2}PE\\d{4}-01");
		assertThat(record.channel()).isEqualTo("WEB");
		assertThat(record.operators()).containsExactly(ana.displayName());
		assertThat(record.topics()).containsExactly("transferencias");
		assertThat(record.informationTypes()).containsExactly("PROGRAMME_INFORMATION");
		assertThat(record.feedbackType()).isEqualTo("QUESTION");
		assertThat(record.answeredBy()).isEqualTo("PERSON");
		assertThat(record.firstResponseMinutes()).isNotNull();
		assertThat(record.closed()).isTrue();
		assertThat(record.satisfaction()).isEqualTo(5);
		assertThat(record.gender()).isEqualTo("FEMALE");
		assertThat(record.ageRange()).isEqualTo("18_29");
		assertThat(record.location()).isEqualTo("Tumbes");
		assertThat(record.migrantStatus()).isEqualTo("MIGRANT_OR_REFUGEE");

		// the same person's second interaction is numbered 02 and counted as returning
		long second = answeredAndClosed(line, phone, ana,
				new Coding(List.of("salud"), List.of(InformationType.HEALTH_INFORMATION), FeedbackType.COMPLAINT));
		eventually(() -> this.jdbc.sql("select count(*) from feedback_log where conversation_id = ? and closed_at is not null")
			.param(second).query(Integer.class).single() == 1, "second record");
		assertThat(this.jdbc.sql("select record_code from feedback_log where conversation_id = ?").param(second)
			.query(String.class).single()).isEqualTo(record.code().replace("-01", "-02"));
		assertThat(this.jdbc.sql("select returning_contact from feedback_log where conversation_id = ?").param(second)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void withoutConsentNoDemographicsAreLogged() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		String phone = randomPhone();
		long conversation = answeredAndClosed(line, phone, newUser(organisation, Role.OPERATOR),
				new Coding(List.of("salud"), List.of(), FeedbackType.QUESTION));
		for (String reply : List.of("2", "2")) {
			answer(line, phone, reply);
		}
		eventually(() -> this.jdbc.sql("select satisfaction from feedback_log where conversation_id = ?").param(conversation)
			.query(Integer.class).optional().filter(s -> s == 2).isPresent(), "satisfaction logged");
		assertThat(this.jdbc.sql("select count(*) from feedback_log where conversation_id = ? and gender is null and location is null")
			.param(conversation).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void coordinatorsCorrectTheCodingAndEveryVersionIsKeptWithWhoAndWhyButAnalystsCannotCorrect() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		LineaUser ana = newUser(organisation, Role.OPERATOR);
		long conversation = answeredAndClosed(line, randomPhone(), ana,
				new Coding(List.of("salud"), List.of(InformationType.HEALTH_INFORMATION), FeedbackType.QUESTION));
		eventually(() -> this.jdbc.sql("select count(*) from feedback_log where conversation_id = ? and feedback_type = 'QUESTION'")
			.param(conversation).query(Integer.class).single() == 1, "logged");

		signIn(newUser(organisation, Role.ANALYST));
		Coding complaint = new Coding(List.of("transferencias"), List.of(InformationType.REFERRAL), FeedbackType.COMPLAINT);
		assertThatThrownBy(() -> this.coding.correct(conversation, complaint, "was a complaint"))
			.isInstanceOf(AccessDeniedException.class);

		LineaUser coordinator = newUser(organisation, Role.COORDINATOR);
		signIn(coordinator);
		assertThatThrownBy(() -> this.coding.correct(conversation, complaint, " ")).isInstanceOf(InvalidRequestException.class);
		this.coding.correct(conversation, complaint, "was a complaint about payments");

		assertThat(this.jdbc.sql("select feedback_type from feedback_log where conversation_id = ?").param(conversation)
			.query(String.class).single()).isEqualTo("COMPLAINT");
		List<CodingCorrection> history = this.log.history(conversation);
		assertThat(history).hasSize(2);
		assertThat(history.get(0).feedbackType()).isEqualTo("COMPLAINT");
		assertThat(history.get(0).codedBy()).isEqualTo(coordinator.displayName());
		assertThat(history.get(0).reason()).isEqualTo("was a complaint about payments");
		assertThat(history.get(1).feedbackType()).isEqualTo("QUESTION");
		assertThat(history.get(1).codedBy()).isEqualTo(ana.displayName());
	}

	@Test
	void anotherOrganisationsLineIsNotAScopeForThisReader() {
		Organisation mine = newOrganisation();
		newLine(mine);
		Line theirs = newLine(newOrganisation());
		signIn(newUser(mine, Role.ANALYST));
		assertThat(this.scopes.choices()).noneMatch(scope -> scope.lines().contains(theirs));
		assertThatThrownBy(() -> this.scopes.resolve("line:" + theirs.key(), null, null))
			.isInstanceOf(org.linea.shared.NotFoundException.class);
	}

}
