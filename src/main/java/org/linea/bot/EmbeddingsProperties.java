package org.linea.bot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Optional semantic reranking of the bank's candidates by an embeddings server with an
 * OpenAI-compatible {@code /v1/embeddings} (for example a local multilingual model). Off unless
 * {@code url} is set; the default installation stays fully offline.
 *
 * @param url the server's address, e.g. {@code http://localhost:8081} or {@code http://host/v1/embeddings}
 * @param model the model name sent with each request (some servers ignore it)
 * @param apiKey sent as a bearer token when set
 * @param timeout the longest the bot waits for the server before deciding on words alone (default 300 ms)
 * @param weight how much the cosine similarity counts in a candidate's score, 0 to 1 (default 0.5)
 */
@ConfigurationProperties("linea.knowledge.embeddings")
public record EmbeddingsProperties(String url, String model, String apiKey, Duration timeout, Double weight) {

	public EmbeddingsProperties {
		url = url == null || url.isBlank() ? null : url.strip();
		model = model == null || model.isBlank() ? "default" : model.strip();
		timeout = timeout == null ? Duration.ofMillis(300) : timeout;
		weight = weight == null ? 0.5 : Math.max(0, Math.min(1, weight));
	}

	boolean enabled() {
		return this.url != null;
	}

	/** The embeddings endpoint: the address as given when it names one, else its {@code /v1/embeddings}. */
	String endpoint() {
		String base = this.url.endsWith("/") ? this.url.substring(0, this.url.length() - 1) : this.url;
		return base.endsWith("/embeddings") ? base : base + "/v1/embeddings";
	}

}
