package org.linea.channel.whatsapp;

/** Signs webhook bodies as Meta does, for tests outside this package. */
public final class FakeGraphApiAccess {

	private FakeGraphApiAccess() {
	}

	public static String sign(String appSecret, byte[] body) {
		return WhatsAppSignature.sign(appSecret, body);
	}

}
