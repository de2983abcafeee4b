package org.linea.channel;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What the fuzz tests check of every decoded message: once made storable, PostgreSQL takes all of it. */
public final class StorableChecks {

	private StorableChecks() {
	}

	public static void assertStorable(InboundMessage message) {
		InboundMessage storable = message.storable();
		for (String text : new String[] { storable.providerMessageId(), storable.from(), storable.profileName(), storable.text() }) {
			assertStorable(text);
		}
	}

	public static void assertStorable(DeliveryReport report) {
		DeliveryReport storable = report.storable();
		assertStorable(storable.providerMessageId());
		assertStorable(storable.reference());
		assertStorable(storable.errorCode());
	}

	public static void assertStorable(String text) {
		if (text != null) {
			assertThat(text).doesNotContain("\0");
			assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(text)).as("encodable in UTF-8").isTrue();
		}
	}

}
