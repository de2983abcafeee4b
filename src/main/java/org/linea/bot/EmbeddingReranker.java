package org.linea.bot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.linea.bot.BankIndex.Scored;
import org.linea.knowledge.KnowledgeEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reranks the lexical candidates by cosine similarity between the message and each entry (its
 * question and alternative phrasings, the bank's own text), from an OpenAI-compatible embeddings
 * server. A candidate's score becomes a blend of its lexical score and the similarity; what it
 * matched and covers stay lexical, so the bot's other checks ("none of these", one word is not
 * enough) still hold. Entries' vectors are kept in memory; the person's message is sent, never
 * kept. Any failure or a late answer leaves the lexical order, so the bot decides as without it.
 */
final class EmbeddingReranker implements Reranker {

	private static final Logger log = LoggerFactory.getLogger(EmbeddingReranker.class);

	private static final int MAX_CACHED = 20_000;

	private static final int RERANKED = 5;

	private final EmbeddingsProperties properties;

	private final JsonMapper json;

	private final HttpClient http;

	private final Map<String, double[]> entryVectors = new ConcurrentHashMap<>();

	EmbeddingReranker(EmbeddingsProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	@Override
	public List<Scored> rerank(String text, List<Scored> found) {
		if (found.size() < 2 || text == null || text.isBlank()) {
			return found;
		}
		List<Scored> top = found.subList(0, Math.min(RERANKED, found.size()));
		try {
			Map<String, String> missing = new LinkedHashMap<>();
			for (Scored scored : top) {
				String entryText = entryText(scored.entry());
				if (!this.entryVectors.containsKey(entryText)) {
					missing.put(entryText, entryText);
				}
			}
			List<String> input = new ArrayList<>();
			input.add(text);
			input.addAll(missing.keySet());
			List<double[]> vectors = embed(input);
			if (this.entryVectors.size() > MAX_CACHED) {
				this.entryVectors.clear();
			}
			int i = 1;
			for (String entryText : missing.keySet()) {
				this.entryVectors.put(entryText, vectors.get(i++));
			}
			double[] message = vectors.getFirst();
			double weight = this.properties.weight();
			List<Scored> reranked = new ArrayList<>();
			for (Scored scored : top) {
				double similarity = Math.max(0, cosine(message, this.entryVectors.get(entryText(scored.entry()))));
				reranked.add(new Scored(scored.entry(), (1 - weight) * scored.score() + weight * similarity, scored.matched(),
						scored.closest(), scored.coverage(), scored.focus()));
			}
			reranked.sort(Comparator.comparingDouble(Scored::score).reversed());
			reranked.addAll(found.subList(top.size(), found.size()));
			return reranked;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.warn("Embeddings server unavailable, deciding on words alone: {}", ex.toString());
			return found;
		}
	}

	private List<double[]> embed(List<String> input) throws Exception {
		Map<String, Object> body = Map.of("model", this.properties.model(), "input", input);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.properties.endpoint()))
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body), StandardCharsets.UTF_8));
		if (this.properties.apiKey() != null && !this.properties.apiKey().isBlank()) {
			request.header("Authorization", "Bearer " + this.properties.apiKey());
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode());
		}
		JsonNode data = this.json.readTree(response.body()).get("data");
		if (data == null || data.size() != input.size()) {
			throw new IllegalStateException("expected " + input.size() + " embeddings");
		}
		double[][] vectors = new double[input.size()][];
		for (JsonNode item : data) {
			int index = item.has("index") ? item.get("index").asInt() : -1;
			JsonNode embedding = item.get("embedding");
			if (index < 0 || index >= vectors.length || embedding == null || !embedding.isArray() || embedding.isEmpty()) {
				throw new IllegalStateException("malformed embedding");
			}
			double[] vector = new double[embedding.size()];
			for (int d = 0; d < vector.length; d++) {
				vector[d] = embedding.get(d).asDouble();
			}
			vectors[index] = vector;
		}
		List<double[]> ordered = new ArrayList<>();
		for (double[] vector : vectors) {
			if (vector == null) {
				throw new IllegalStateException("missing embedding");
			}
			ordered.add(vector);
		}
		return ordered;
	}

	private static String entryText(KnowledgeEntry entry) {
		return String.join("\n", entry.content().phrasings());
	}

	static double cosine(double[] a, double[] b) {
		if (a == null || b == null || a.length != b.length) {
			throw new IllegalStateException("embeddings of different sizes");
		}
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
	}

	/** The reranker for these settings: none when no server is configured. */
	static Reranker of(EmbeddingsProperties properties, JsonMapper json) {
		return properties != null && properties.enabled() ? new EmbeddingReranker(properties, json) : Reranker.NONE;
	}

}
