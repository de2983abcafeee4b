package org.linea.shared.db;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTests {

	@Test
	void replacesNulsAndLoneSurrogatesAndKeepsEverythingElse() {
		assertThat(StorableText.of("hola\0mundo")).isEqualTo("hola\uFFFDmundo");
		assertThat(StorableText.of("a\uD83Db")).isEqualTo("a\uFFFDb");
		assertThat(StorableText.of("a\uDC00")).isEqualTo("a\uFFFD");
		assertThat(StorableText.of("\uDC00\uD83D")).isEqualTo("\uFFFD\uFFFD");
		assertThat(StorableText.of("¿dónde? 👍🏽")).isEqualTo("¿dónde? 👍🏽");
		assertThat(StorableText.of(null)).isNull();
		String clean = "nothing to replace";
		assertThat(StorableText.of(clean)).isSameAs(clean);
	}

	/** Any UTF-16 text, two bytes a character: what comes out is storable and only bad characters changed. */
	@FuzzTest(maxDuration = "20s")
	void anyTextBecomesStorable(byte[] data) {
		char[] chars = new char[data.length / 2];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = (char) ((data[2 * i] & 0xff) << 8 | (data[2 * i + 1] & 0xff));
		}
		String text = new String(chars);
		String storable = StorableText.of(text);
		assertThat(storable).hasSize(text.length()).doesNotContain("\0");
		assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(storable)).isTrue();
		for (int i = 0; i < text.length(); i++) {
			if (storable.charAt(i) != text.charAt(i)) {
				assertThat(storable.charAt(i)).isEqualTo(StorableText.REPLACEMENT);
			}
		}
	}

}
