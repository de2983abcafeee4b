package org.linea.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The Monday email, on a test clock: each recipient of the distribution list gets the week before's
 * PDF with their own sections, in their language, with a link and without personal data; once a
 * week; a failure is kept, shown to the coordinator and retried.
 */
@TestPropertySource(properties = { "spring.mail.host=localhost", "spring.mail.port=3025" })
class WeeklyReportDeliveryTests extends SeededWeekTest {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	DistributionList list;

	@Autowired
	WeeklyReportDelivery delivery;

	@Autowired
	WebApplicationContext context;

	@Test
	void everyMondayEachRecipientGetsThePdfOfTheirSectionsInTheirLanguageOnceAndWithoutPersonalData() throws Exception {
		Week week = seedWeek();
		long organisation = week.organisation().id();
		this.list.add(organisation, "Ana Salud", "ana@example.org", Programme.HEALTH, "es", List.of(),
				List.of("TOPICS", "QUESTIONS"));
		this.list.add(organisation, "Paul PSS", "paul@example.org", Programme.PSS, "en", List.of(week.line().id()),
				List.of("SAFEGUARDING", "WORKLOAD"));
		this.list.hour(organisation, 9);
		Instant monday = nextMonday(week, 9, 0);

		this.delivery.run(monday.minus(Duration.ofMinutes(1)));
		assertThat(this.list.deliveries(organisation)).as("not before the hour").isEmpty();
		this.delivery.run(monday);
		eventually(() -> mailsTo("ana@example.org", "paul@example.org") == 2, "both emails arrive");

		MimeMessage ana = to("ana@example.org");
		assertThat(ana.getSubject()).isEqualTo("Informe semanal " + week.monday() + ": Línea de prueba");
		String anaPdf = pdfText(ana);
		assertThat(anaPdf).contains("Informe ejecutivo semanal").contains("Temas principales").contains("transferencias")
			.contains("Preguntas nuevas").doesNotContain("Casos de salvaguarda").doesNotContain("Carga de trabajo");
		assertThat(body(ana)).contains("Hola Ana Salud").contains("/report/weekly?scope=line:" + week.line().key() + "&from=" + week.monday());

		MimeMessage paul = to("paul@example.org");
		String paulPdf = pdfText(paul);
		assertThat(paulPdf).contains("Weekly executive report").contains("Safeguarding cases").contains("Workload")
			.doesNotContain("Top topics").doesNotContain("transferencias");
		for (String text : List.of(anaPdf, paulPdf, body(ana), body(paul))) {
			assertThat(text).doesNotContain(OPERATOR_NAME).doesNotContain("+519");
		}

		this.delivery.run(monday.plus(Duration.ofHours(3)));
		assertThat(mailsTo("ana@example.org", "paul@example.org")).as("once a week").isEqualTo(2);
		assertThat(this.list.deliveries(organisation)).extracting(DistributionList.Delivery::shownStatus).containsOnly("SENT");
	}

	@Test
	void aFailedDeliveryIsShownToTheCoordinatorAndRetried() throws Exception {
		Week week = seedWeek();
		long organisation = week.organisation().id();
		this.list.add(organisation, "Marta CTP", "marta@example.org", Programme.CTP, "es", List.of(), List.of());
		Instant monday = nextMonday(week, 8, 5);

		smtp.stop();
		try {
			this.delivery.run(monday);
		}
		finally {
			smtp.start();
		}
		DistributionList.Delivery failed = this.list.deliveries(organisation).getFirst();
		assertThat(failed.shownStatus()).isEqualTo("FAILED");
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.lastError()).isNotBlank();
		String page = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build()
			.perform(get("/report/recipients").param("organisationId", Long.toString(organisation)).with(user(week.coordinator())))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Marta CTP").contains("data-status=\"FAILED\"").contains(failed.lastError().substring(0, 10));

		this.delivery.run(monday.plus(Duration.ofMinutes(5)));
		assertThat(mailsTo("marta@example.org")).as("not retried at once").isZero();
		this.delivery.run(monday.plus(Duration.ofMinutes(11)));
		eventually(() -> mailsTo("marta@example.org") == 1, "the retry arrives");
		DistributionList.Delivery sent = this.list.deliveries(organisation).getFirst();
		assertThat(sent.shownStatus()).isEqualTo("SENT");
		assertThat(sent.attempts()).isEqualTo(2);
		// the whole report when no section was chosen
		assertThat(pdfText(to("marta@example.org"))).contains("Temas principales").contains("Casos de salvaguarda");
	}

	/** The Monday after the seeded week, at that time in the line's zone. */
	private static Instant nextMonday(Week week, int hour, int minute) {
		LocalDate monday = week.monday().plusWeeks(1);
		assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
		return ZonedDateTime.of(monday.atTime(hour, minute), week.line().timeZone()).toInstant();
	}

	/** Emails to these addresses (other tests' organisations may be sent theirs on the same clock). */
	private static long mailsTo(String... addresses) {
		List<String> to = List.of(addresses);
		return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return to.contains(m.getAllRecipients()[0].toString());
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).count();
	}

	private static MimeMessage to(String address) throws Exception {
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				return message;
			}
		}
		throw new AssertionError("No email to " + address);
	}

	private static String body(MimeMessage message) throws Exception {
		return part(message, "text/plain").getContent().toString();
	}

	private static String pdfText(MimeMessage message) throws Exception {
		Part pdf = part(message, "application/pdf");
		assertThat(pdf.getFileName()).endsWith(".pdf");
		try (PDDocument document = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static Part part(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return part;
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				Part found = partOrNull(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		throw new AssertionError("No " + type + " part");
	}

	private static Part partOrNull(Part part, String type) throws Exception {
		try {
			return part(part, type);
		}
		catch (AssertionError ex) {
			return null;
		}
	}

}
