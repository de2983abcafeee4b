package org.linea.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator's side of one keep-alive HTTP/1.1 connection: a request written as prepared bytes,
 * its answer read to the end of its body, the connection reopened when the server closes it. It shares
 * the two cores with the node it measures, so it does as little as a client can (the JDK's HttpClient
 * took about a tenth of the CPU of an ingest run).
 */
final class KeepAliveClient implements AutoCloseable {

	private final String host;

	private final int port;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	KeepAliveClient(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/** A POST of this body with these extra header lines ("Name: value\r\n" each), as bytes to send. */
	static byte[] post(String host, int port, String path, String headers, byte[] body) {
		byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + headers + "Content-Length: " + body.length
				+ "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] request = new byte[head.length + body.length];
		System.arraycopy(head, 0, request, 0, head.length);
		System.arraycopy(body, 0, request, head.length, body.length);
		return request;
	}

	/** What became of each prepared request of a {@link #load}: by its index, its latency and when it was answered (nanoTime). */
	record Load(long started, long[] latencies, long[] answeredAt, int refused) {
	}

	/**
	 * Sends these prepared requests over {@code connections} keep-alive connections, each sending the next
	 * request as soon as its previous one is answered; with {@code perSecond > 0} request n is not sent before
	 * {@code n / perSecond} seconds from the start (a fixed offered rate; latency counts from the actual send).
	 */
	static Load load(int port, List<byte[]> requests, int connections, double perSecond) throws InterruptedException {
		long[] latencies = new long[requests.size()];
		long[] answeredAt = new long[requests.size()];
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		long started = System.nanoTime();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < connections; c++) {
			threads.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
				try (KeepAliveClient client = new KeepAliveClient("localhost", port)) {
					for (int n = next.getAndIncrement(); n < requests.size(); n = next.getAndIncrement()) {
						if (perSecond > 0) {
							long due = started + (long) (n * 1e9 / perSecond);
							for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
								LockSupport.parkNanos(wait);
							}
						}
						long sent = System.nanoTime();
						try {
							if (client.send(requests.get(n)) != 200) {
								refused.incrementAndGet();
							}
						}
						catch (IOException | RuntimeException ex) {
							refused.incrementAndGet();
						}
						answeredAt[n] = System.nanoTime();
						latencies[n] = answeredAt[n] - sent;
					}
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return new Load(started, latencies, answeredAt, refused.get());
	}

	/** Sends a prepared request and returns the status of its answer. */
	int send(byte[] request) throws IOException {
		if (this.socket == null) {
			this.socket = new Socket(this.host, this.port);
			this.socket.setTcpNoDelay(true);
			this.in = new BufferedInputStream(this.socket.getInputStream());
			this.out = this.socket.getOutputStream();
		}
		try {
			this.out.write(request);
			this.out.flush();
			return readResponse();
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	private int readResponse() throws IOException {
		String statusLine = line();
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long length = 0;
		boolean chunked = false;
		boolean closing = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				closing = true;
			}
		}
		if (chunked) {
			for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
					size = Long.parseLong(line().split(";")[0].trim(), 16)) {
				this.in.skipNBytes(size);
				line();
			}
			line();
		}
		else {
			this.in.skipNBytes(length);
		}
		if (closing) {
			close();
		}
		return status;
	}

	private String line() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(64);
		for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
			if (b < 0) {
				throw new IOException("connection closed in an answer");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing a connection that failed
			}
			this.socket = null;
		}
	}

}
