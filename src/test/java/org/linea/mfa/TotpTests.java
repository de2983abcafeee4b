package org.linea.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** TOTP against RFC 6238's own test vectors, base32 against RFC 4648's, and the QR code read back. */
class TotpTests {

	private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	/** RFC 6238 appendix B, SHA-1 column (8 digits). */
	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924", "2000000000, 69279037",
			"20000000000, 65353130" })
	void matchesTheRfcTestVectors(long unixTime, String expected) {
		long step = Totp.step(Instant.ofEpochSecond(unixTime));
		assertThat(Totp.code(RFC_SEED, step, 8)).isEqualTo(expected);
		// the six digits an authenticator app shows are the last six of the same value
		assertThat(Totp.code(RFC_SEED, Instant.ofEpochSecond(unixTime))).isEqualTo(expected.substring(2));
	}

	@Test
	void acceptsTheStepBeforeAndAfterButNoFurther() {
		Instant now = Instant.ofEpochSecond(1_111_111_111L);
		long step = Totp.step(now);
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step, 6), now)).hasValue(step);
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 1, 6), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 1, 6), now)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 2, 6), now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 2, 6), now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SEED, "12345", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SEED, "abcdef", now)).isEmpty();
	}

	/** RFC 4648 section 10 (written without padding, read with or without it). */
	@ParameterizedTest
	@CsvSource({ "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI" })
	void base32MatchesTheRfcVectors(String text, String encoded) {
		assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
		assertThat(new String(Base32.decode(encoded), StandardCharsets.US_ASCII)).isEqualTo(text);
		assertThat(new String(Base32.decode(encoded.toLowerCase() + "===="), StandardCharsets.US_ASCII)).isEqualTo(text);
	}

	@Test
	void theQrCodeReadsBackAsTheUri() throws Exception {
		String uri = "otpauth://totp/Linea:ana.perez?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Linea&algorithm=SHA1&digits=6&period=30";
		BitMatrix matrix = QrCode.matrix(uri);
		int scale = 4;
		int width = matrix.getWidth() * scale;
		int height = matrix.getHeight() * scale;
		int[] pixels = new int[width * height];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				pixels[y * width + x] = matrix.get(x / scale, y / scale) ? 0xff000000 : 0xffffffff;
			}
		}
		var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
		assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(uri);
		assertThat(QrCode.svgDataUri(uri)).startsWith("data:image/svg+xml;base64,");
	}

}
