package org.linea.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A provider's API on a loopback port: records what Linea sends, per account, and answers as the
 * test scripted (an error status, a delay past the timeout, a hang), or with success by default.
 */
public abstract class FakeProvider {

	private final HttpServer server;

	private final Map<String, List<Request>> received = new ConcurrentHashMap<>();

	private final Map<String, Queue<Answer>> scripts = new ConcurrentHashMap<>();

	private final java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();

	protected FakeProvider() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", exchange -> {
			try (exchange) {
				handle(exchange);
			}
			catch (RuntimeException ex) {
				ex.printStackTrace();
			}
		});
		this.server.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	protected abstract void handle(HttpExchange exchange) throws IOException;

	/**
	 * A canned answer for the next sends of this account.
	 * @param status HTTP status, or 0 to hang until {@link #release(String)}
	 * @param delayMillis wait before answering (a timeout when longer than Linea's provider timeout)
	 */
	public record Answer(int status, String body, long delayMillis, CountDownLatch hold, String retryAfter) {

		public static Answer error(int status, String body) {
			return new Answer(status, body, 0, null, null);
		}

		/** An error with a {@code Retry-After} header, in seconds. */
		public static Answer error(int status, String body, int retryAfterSeconds) {
			return new Answer(status, body, 0, null, String.valueOf(retryAfterSeconds));
		}

		public static Answer slow(long delayMillis) {
			return new Answer(-1, null, delayMillis, null, null);
		}

		public static Answer hang() {
			return new Answer(0, null, 0, new CountDownLatch(1), null);
		}

	}

	/** One request as the provider saw it. */
	public record Request(String method, String path, String authorization, String contentType, String body, long receivedAtNanos) {
	}

	public void script(String account, Answer... answers) {
		this.scripts.computeIfAbsent(account, key -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
	}

	/** Lets every hanging answer for this account go. */
	public void release(String account) {
		this.holds.getOrDefault(account, List.of()).forEach(CountDownLatch::countDown);
	}

	private final Map<String, List<CountDownLatch>> holds = new ConcurrentHashMap<>();

	public List<Request> received(String account) {
		return List.copyOf(this.received.getOrDefault(account, List.of()));
	}

	protected Request record(String account, HttpExchange exchange) throws IOException {
		Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), System.nanoTime());
		this.received.computeIfAbsent(account, key -> new CopyOnWriteArrayList<>()).add(request);
		return request;
	}

	/**
	 * Answers with the next scripted answer for the account if there is one; returns false when the
	 * caller should give its success answer.
	 */
	protected boolean scripted(String account, HttpExchange exchange) throws IOException {
		Queue<Answer> script = this.scripts.get(account);
		Answer answer = script == null ? null : script.poll();
		if (answer == null) {
			return false;
		}
		try {
			if (answer.hold() != null) {
				this.holds.computeIfAbsent(account, key -> new CopyOnWriteArrayList<>()).add(answer.hold());
				answer.hold().await(30, TimeUnit.SECONDS);
			}
			if (answer.delayMillis() > 0) {
				Thread.sleep(answer.delayMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (answer.status() < 0) {
			return false;
		}
		if (answer.retryAfter() != null) {
			exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
		}
		respond(exchange, answer.status() == 0 ? 500 : answer.status(), answer.body() == null ? "{}" : answer.body());
		return true;
	}

	/** Calls Linea's webhook as the provider would; the HTTP status, or -1 when it could not be reached. */
	protected int callLinea(String url, String contentType, String signatureHeader, String signature, byte[] body) {
		try {
			return this.client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
				.header("Content-Type", contentType)
				.header(signatureHeader, signature)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	protected static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	protected static void respondBytes(HttpExchange exchange, String contentType, byte[] bytes) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

}
