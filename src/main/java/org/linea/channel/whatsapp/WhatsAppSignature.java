package org.linea.channel.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the exact body bytes,
 * keyed with the app secret. Compared in constant time.
 */
final class WhatsAppSignature {

	private WhatsAppSignature() {
	}

	static boolean valid(String appSecret, byte[] body, String header) {
		if (appSecret == null || header == null || !header.startsWith("sha256=")) {
			return false;
		}
		byte[] expected = ("sha256=" + HexFormat.of().formatHex(hmac(appSecret, body))).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, header.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	static String sign(String appSecret, byte[] body) {
		return "sha256=" + HexFormat.of().formatHex(hmac(appSecret, body));
	}

	private static byte[] hmac(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
