package org.linea.channel;

import java.util.List;
import java.util.Map;

import org.linea.access.Line;

/**
 * What the setup page and the API show about a line's provider account. Secrets appear only as
 * "set" or "not set".
 *
 * @param values current non-secret values by field name
 * @param secretsSet names of the secret fields that hold a value
 */
public record AccountSetup(Line line, List<ChannelAdapter.AccountField> fields, Map<String, String> values,
		List<String> secretsSet, String verifyToken, double sendRate, ChannelFacts facts, List<ChannelAdapter.Webhook> webhooks,
		List<MessageTemplate> templates) {

	public boolean connected() {
		return this.fields.stream().filter(ChannelAdapter.AccountField::required)
			.allMatch(field -> field.secret() ? this.secretsSet.contains(field.name()) : this.values.containsKey(field.name()));
	}

}
