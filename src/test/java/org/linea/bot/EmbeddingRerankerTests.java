package org.linea.bot;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.bot.BankIndex.Scored;
import org.linea.knowledge.KnowledgeTestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Semantic reranking against a fake OpenAI-compatible embeddings server: off unless configured, the
 * candidates reordered by what the server says a message means, and the lexical decision kept when
 * the server is slow or fails.
 */
class EmbeddingRerankerTests {

	private static final String MESSAGE = "cuanto dinero saco en el cajero";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static BankIndex index;

	HttpServer server;

	final List<JsonNode> requests = new CopyOnWriteArrayList<>();

	final List<String> authorizations = new CopyOnWriteArrayList<>();

	volatile int delayMillis;

	volatile int status = 200;

	@BeforeAll
	static void bank() throws Exception {
		try (InputStream in = EmbeddingRerankerTests.class.getResourceAsStream("/knowledge/sample-bank.csv")) {
			index = BankIndex.build(new BankAnalysis("es"), KnowledgeTestData.validatedEntries(in));
		}
	}

	@BeforeEach
	void fakeServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/embeddings", this::embeddings);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	/** A toy model: one dimension per subject; it reads the test's message as a question about the amount. */
	private void embeddings(HttpExchange exchange) throws IOException {
		JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
		this.requests.add(body);
		this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		if (this.delayMillis > 0) {
			try {
				Thread.sleep(this.delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		List<String> data = new ArrayList<>();
		int i = 0;
		for (JsonNode input : body.get("input")) {
			data.add("{\"object\":\"embedding\",\"index\":" + i++ + ",\"embedding\":" + vector(input.asString()) + "}");
		}
		byte[] response = ("{\"object\":\"list\",\"data\":[" + String.join(",", data) + "],\"model\":\"toy\"}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(this.status, response.length);
		exchange.getResponseBody().write(response);
		exchange.close();
	}

	private static String vector(String text) {
		String t = text.toLowerCase();
		int subject = t.equals(MESSAGE) || t.contains("cuánto dinero") ? 2 : t.contains("cajero") ? 3 : t.contains("vacun") ? 0
				: t.contains("mano") ? 1 : 4;
		double[] v = { 0.01, 0.01, 0.01, 0.01, 0.01 };
		v[subject] = 1;
		return java.util.Arrays.toString(v);
	}

	private EmbeddingsProperties properties(Duration timeout) {
		return new EmbeddingsProperties("http://127.0.0.1:" + this.server.getAddress().getPort(), "toy-multilingual", "secret", timeout, null);
	}

	private static AnswerFinder finder(Reranker reranker) {
		return new AnswerFinder(Signals.load(), Courtesy.load(), new BotProperties(null, null, null, null, null, null), reranker);
	}

	@Test
	void offUnlessAServerIsConfigured() {
		assertThat(EmbeddingReranker.of(new EmbeddingsProperties(null, null, null, null, null), JSON)).isSameAs(Reranker.NONE);
		assertThat(EmbeddingReranker.of(new EmbeddingsProperties(" ", null, null, null, null), JSON)).isSameAs(Reranker.NONE);
		assertThat(finder(Reranker.NONE).decide(index, MESSAGE, "es").entryKey()).as("the lexical decision").isEqualTo("CASH-02");
		assertThat(this.requests).isEmpty();
	}

	@Test
	void candidatesAreReorderedByCosineSimilarityAndEntryVectorsAreKept() {
		Reranker reranker = EmbeddingReranker.of(properties(Duration.ofSeconds(5)), JSON);
		List<Scored> lexical = index.search(index.terms(MESSAGE, "es"));
		assertThat(lexical.getFirst().entry().key()).isEqualTo("CASH-02");

		List<Scored> reranked = reranker.rerank(MESSAGE, lexical);
		assertThat(reranked.getFirst().entry().key()).isEqualTo("CASH-01");
		assertThat(reranked).hasSameSizeAs(lexical);
		Scored cash01 = lexical.stream().filter(s -> s.entry().key().equals("CASH-01")).findFirst().orElseThrow();
		assertThat(reranked.getFirst().score()).isCloseTo(0.5 * cash01.score() + 0.5, org.assertj.core.data.Offset.offset(0.01));
		assertThat(reranked.getFirst().coverage()).as("what the entry covers stays lexical").isEqualTo(cash01.coverage());
		assertThat(finder(reranker).decide(index, MESSAGE, "es").candidates().getFirst().entryKey()).isEqualTo("CASH-01");

		JsonNode first = this.requests.getFirst();
		assertThat(first.get("model").asString()).isEqualTo("toy-multilingual");
		assertThat(first.get("input").get(0).asString()).isEqualTo(MESSAGE);
		assertThat(this.authorizations.getFirst()).isEqualTo("Bearer secret");
		int sent = first.get("input").size();
		reranker.rerank(MESSAGE, lexical);
		assertThat(this.requests.getLast().get("input")).as("entries are embedded once, the message every time").hasSize(1);
		assertThat(sent).isGreaterThan(1);
	}

	@Test
	void aSlowOrFailingServerLeavesTheLexicalDecision() {
		BotDecision lexical = finder(Reranker.NONE).decide(index, MESSAGE, "es");
		this.delayMillis = 1500;
		Reranker slow = EmbeddingReranker.of(properties(Duration.ofMillis(150)), JSON);
		long start = System.nanoTime();
		BotDecision decided = finder(slow).decide(index, MESSAGE, "es");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
		assertThat(decided.kind()).isEqualTo(lexical.kind());
		assertThat(decided.entryKey()).isEqualTo("CASH-02");

		this.delayMillis = 0;
		this.status = 500;
		assertThat(finder(EmbeddingReranker.of(properties(Duration.ofSeconds(2)), JSON)).decide(index, MESSAGE, "es").entryKey())
			.isEqualTo("CASH-02");
	}

}
