package org.linea.channel;

import java.util.Map;

/**
 * A line's provider account, secrets decrypted: for adapters only, never for views or logs.
 *
 * @param settings identifiers such as the phone number id or account SID
 * @param secrets tokens and signing secrets
 * @param verifyToken the token Meta's subscription handshake must present, if the channel has one
 */
public record ProviderAccount(long lineId, Map<String, String> settings, Map<String, String> secrets, String verifyToken,
		double sendRate) {

	public String setting(String name) {
		return this.settings.get(name);
	}

	public String secret(String name) {
		return this.secrets.get(name);
	}

	@Override
	public String toString() {
		return "ProviderAccount[line=" + this.lineId + ", settings=" + this.settings.keySet() + "]";
	}

}
