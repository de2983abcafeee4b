package org.linea.channel;

import org.linea.personaldata.DataTypes;
import org.linea.personaldata.MonthlyPartitioned;
import org.linea.personaldata.RetentionTarget;
import org.linea.personaldata.SqlRetentionTarget;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What retention erases in the channel's tables. Messages still waiting for the pipeline or the
 * outbox are left until they are done; rows stay (for counts and idempotency), their contents go.
 */
@Configuration(proxyBeanMethods = false)
class ChannelRetention {

	@Bean
	RetentionTarget inboundTexts(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, DataTypes.MESSAGE_TEXTS, "channel_inbound_message", "body = null",
				"line_id = ? and received_at < ? and processed_at is not null and body is not null");
	}

	@Bean
	RetentionTarget inboundSenders(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, DataTypes.IDENTIFIERS, "channel_inbound_message",
				"sender_hash = null, sender_encrypted = null, sender_name_encrypted = null, sender_user_id_encrypted = null",
				"line_id = ? and received_at < ? and processed_at is not null and sender_encrypted is not null");
	}

	@Bean
	RetentionTarget outboxTexts(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, DataTypes.MESSAGE_TEXTS, "channel_outbox", "body = null, content = null",
				"line_id = ? and created_at < ? and status in ('SENT', 'FAILED') and (body is not null or content is not null)");
	}

	@Bean
	RetentionTarget providerPayloads(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, DataTypes.PROVIDER_PAYLOADS, "channel_inbound_event e", "payload_encrypted = null", """
				e.line_id = ? and e.received_at < ? and e.payload_encrypted is not null
				and not exists (select 1 from channel_inbound_message m where m.event_id = e.id and m.processed_at is null)""");
	}

	/** Raw payloads go by month once every line is past its period for them (V81). */
	@Bean
	MonthlyPartitioned inboundEventsByMonth() {
		return MonthlyPartitioned.of("channel_inbound_event", "received_at", DataTypes.PROVIDER_PAYLOADS);
	}

	@Bean
	RetentionTarget media(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, DataTypes.MEDIA, "channel_media",
				"data_encrypted = null, status = 'FAILED', last_error = 'ERASED'",
				"line_id = ? and created_at < ? and (data_encrypted is not null or status = 'PENDING')");
	}

	@Bean
	RetentionTarget simulatorTexts(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, DataTypes.MESSAGE_TEXTS, "channel_simulator_message", "body = null",
				"line_id = ? and created_at < ? and body is not null");
	}

	@Bean
	RetentionTarget simulatorPhones(JdbcClient jdbc) {
		return new SqlRetentionTarget(jdbc, DataTypes.IDENTIFIERS, "channel_simulator_message", "phone_hash = null",
				"line_id = ? and created_at < ? and phone_hash is not null");
	}

}
