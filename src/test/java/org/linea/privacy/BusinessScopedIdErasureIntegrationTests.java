package org.linea.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linea.access.ApiTokenService;
import org.linea.access.Role;
import org.linea.channel.ChannelIntegrationTest;
import org.linea.channel.Fixtures;
import org.linea.channel.whatsapp.FakeGraphApiAccess;
import org.linea.contact.ContactKeys;
import org.linea.web.ApiClient;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person who wrote first as a WhatsApp username (Meta gave only their business-scoped user id), then
 * with their number: erasing them leaves neither identifier, nor their words, readable anywhere.
 */
class BusinessScopedIdErasureIntegrationTests extends ChannelIntegrationTest {

	@Autowired
	private ContactKeys keys;

	@Autowired
	private ApiTokenService tokens;

	@Test
	void erasingAPersonKnownByNumberAndBusinessScopedIdLeavesNeitherReadable() {
		WhatsAppLine wa = whatsAppLine();
		String number = randomDigits();
		String bsuid = "PE." + randomDigits() + randomDigits();
		String marker = "zq" + UUID.randomUUID().toString().replace("-", "");
		write(wa, "text-bsuid-only", number, bsuid, marker);
		write(wa, "text-bsuid-and-number", number, bsuid, marker + "b");
		eventually(() -> count("select count(*) from channel_inbound_message where line_id = ? and processed_at is not null", wa.line().id()) == 2,
				"both messages processed");
		PersonalDataScan scan = new PersonalDataScan(this.jdbc, this.keys);
		assertThat(scan.columnsHolding(bsuid)).as("the BSUID is kept before").isNotEmpty();
		String code = this.jdbc.sql("select code from contact_contact where line_id = ?").param(wa.line().id()).query(String.class).single();

		ApiClient coordinator = new ApiClient(this.port,
				this.tokens.create(newUser(this.organisations.get(wa.line().organisationId()), Role.COORDINATOR).id(), "dsr"));
		assertThat(coordinator.postJson("/api/lines/" + wa.line().key() + "/contacts/" + code + "/erase", "{}").statusCode()).isEqualTo(200);

		assertThat(scan.columnsHolding(bsuid, number, marker)).isEmpty();
		assertThat(count("select count(*) from contact_data_key where line_id = ?", wa.line().id())).as("both data keys destroyed").isZero();
	}

	private void write(WhatsAppLine wa, String fixture, String number, String bsuid, String text) {
		byte[] body = Fixtures.load("whatsapp/" + fixture + ".json", Map.of("PHONE_NUMBER_ID", wa.phoneNumberId(), "FROM", number, "ID",
				"wamid.in-" + UUID.randomUUID(), "BSUID", bsuid))
			.replace("hola, ¿dónde está el albergue?", text)
			.getBytes(StandardCharsets.UTF_8);
		assertThat(post("/webhooks/whatsapp/" + wa.line().key(), "application/json", body,
				Map.of("X-Hub-Signature-256", FakeGraphApiAccess.sign(wa.appSecret(), body))).statusCode()).isEqualTo(200);
	}

}
