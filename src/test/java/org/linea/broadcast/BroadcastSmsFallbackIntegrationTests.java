package org.linea.broadcast;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.audience.Audience;
import org.linea.audience.ConsentPurpose;
import org.linea.access.ChannelType;
import org.linea.channel.FakeProvider.Answer;
import org.linea.contact.Contact;
import org.linea.contact.ContactService;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People WhatsApp cannot reach (131026) get the broadcast from the organisation's SMS line, against the fake
 * Graph API and the fake Twilio API, where their consent allows; what happened is on their recipient row.
 */
class BroadcastSmsFallbackIntegrationTests extends BroadcastChannelTest {

	private static final String NOT_ON_WHATSAPP = "{\"error\":{\"message\":\"(#131026) Message Undeliverable.\",\"code\":131026}}";

	@Autowired
	BroadcastService broadcasts;

	@Autowired
	ContactService contacts;

	@Test
	void someoneNotOnWhatsAppGetsTheTextBySmsOnceAndSomeoneWhoSaidNoOnSmsDoesNot() {
		WhatsAppLine wa = whatsAppLine();
		TwilioLine sms = twilioLineOf(wa.line().organisationId(), ChannelType.TWILIO_SMS, "delivered");
		LineaUser coordinator = coordinatorOf(wa.line());
		String noWhatsApp = "+" + randomDigits();
		String refusedSms = "+" + randomDigits();
		importPeople(wa.line(), coordinator, noWhatsApp, refusedSms);
		// the third person once told the SMS line BAJA
		Contact onSms = this.contacts.findOrCreateImported(sms.line(), refusedSms, "es");
		this.contacts.optOut(onSms.id(), "BAJA");
		// neither of them is on WhatsApp
		this.graph.script(wa.phoneNumberId(), Answer.error(400, NOT_ON_WHATSAPP), Answer.error(400, NOT_ON_WHATSAPP));
		addTemplate(wa.line(), "aviso", "Hay vacunas el {{1}}.");

		signIn(coordinator);
		long id = this.broadcasts.create(wa.line().key(), new BroadcastRequest("Vacunas", Audience.of(ConsentPurpose.BROADCASTS),
				new BroadcastMessage("Vacunas gratis el sábado en la plaza.", new BroadcastMessage.TemplateRef("aviso", "es", List.of("sábado")),
						null), null));
		this.broadcasts.start(id);

		eventually(() -> fallbackOf(id, noWhatsApp).equals("DELIVERED") && fallbackOf(id, refusedSms).equals("SKIPPED_NO_CONSENT"),
				"the SMS is delivered to the one without WhatsApp, and not sent to the one who said no on SMS");
		List<Map<String, String>> texts = this.twilio.sent(sms.accountSid());
		assertThat(texts).singleElement().satisfies(text -> {
			assertThat(text.get("To")).isEqualTo(noWhatsApp);
			assertThat(text.get("Body")).isEqualTo("Vacunas gratis el sábado en la plaza.");
		});
		signIn(coordinator);
		assertThat(this.broadcasts.failures(id)).isEqualTo(Map.of("131026", 2L));
		assertThat(this.broadcasts.smsFallbacks(id)).isEqualTo(Map.of("DELIVERED", 1L, "SKIPPED_NO_CONSENT", 1L));
		assertThat(this.jdbc.sql("select fallback_line_id from broadcast_recipient where campaign_id = ? and fallback_status = 'DELIVERED'")
			.param(id).query(Long.class).single()).isEqualTo(sms.line().id());
		// the person's consent on the SMS line says where it came from
		Contact smsContact = this.contacts.find(sms.line().id(), this.contacts.phoneHash(noWhatsApp)).orElseThrow();
		assertThat(this.jdbc.sql("select source from contact_consent_event where contact_id = ? and purpose = 'BROADCASTS'")
			.param(smsContact.id()).query(String.class).single()).startsWith("fallback:");
		assertThat(this.graph.sent(wa.phoneNumberId())).as("nothing is tried again on WhatsApp").hasSize(2);

		// decided once: another round changes nothing and sends nothing more
		this.jdbc.sql("update broadcast_recipient set fallback_status = fallback_status where campaign_id = ?").param(id).update();
		sleepQuietly(1500);
		assertThat(this.twilio.sent(sms.accountSid())).hasSize(1);
	}

	@Test
	void withoutAnSmsLineOrWithConsentWithdrawnTheRowSaysWhyNoSmsWent() {
		WhatsAppLine wa = whatsAppLine();
		LineaUser coordinator = coordinatorOf(wa.line());
		String person = "+" + randomDigits();
		importPeople(wa.line(), coordinator, person);
		this.graph.script(wa.phoneNumberId(), Answer.error(400, NOT_ON_WHATSAPP));
		addTemplate(wa.line(), "aviso", "La oficina abre el {{1}}.");
		signIn(coordinator);
		long id = this.broadcasts.create(wa.line().key(), new BroadcastRequest("Aviso", Audience.of(ConsentPurpose.BROADCASTS),
				new BroadcastMessage(null, new BroadcastMessage.TemplateRef("aviso", "es", List.of("lunes")), null), null));
		this.broadcasts.start(id);
		eventually(() -> fallbackOf(id, person).equals("SKIPPED_NO_SMS_LINE"), "no SMS line: recorded as such");
	}

	private String fallbackOf(long campaign, String phone) {
		return this.jdbc.sql("""
				select coalesce(r.fallback_status, '') from broadcast_recipient r where r.campaign_id = ? and r.contact_id = ?
				""").params(campaign, this.contacts.find(this.jdbc.sql("select line_id from broadcast_campaign where id = ?").param(campaign)
				.query(Long.class).single(), this.contacts.phoneHash(phone)).orElseThrow().id()).query(String.class).optional().orElse("");
	}

	private void addTemplate(Line line, String name, String body) {
		asAdmin(() -> this.accounts.addTemplate(line.key(), name, "es", body));
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
