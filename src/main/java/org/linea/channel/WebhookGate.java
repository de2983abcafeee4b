package org.linea.channel;

import org.linea.access.ChannelType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.server.ResponseStatusException;

/**
 * The checks every webhook passes before its content is looked at: a known line of the right
 * channel, a body within the size limit, a valid signature. A refusal stores nothing: it counts, and
 * logs one line without content.
 */
@Component
public class WebhookGate {

	private static final Logger log = LoggerFactory.getLogger(WebhookGate.class);

	private final LineService lines;

	private final ChannelAccounts accounts;

	private final ChannelMetrics metrics;

	private final ChannelProperties properties;

	/** Lines found and connected, by key: a webhook needs its line and its secret, thousands of times a second. */
	private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

	/** Counts saved accounts: a lookup that raced with a save is not remembered. */
	private final AtomicLong saves = new AtomicLong();

	WebhookGate(LineService lines, ChannelAccounts accounts, ChannelMetrics metrics, ChannelProperties properties) {
		this.lines = lines;
		this.accounts = accounts;
		this.metrics = metrics;
		this.properties = properties;
	}

	/** The active, connected line with this key on one of these channels, and its account. */
	public ConnectedLine line(String lineKey, Set<ChannelType> channels, ChannelType reportAs) {
		// the monotonic clock: a test's moved Clock must not make a line last for ever
		long now = System.nanoTime();
		Remembered known = this.remembered.get(lineKey);
		if (known != null && now - known.until() < 0 && channels.contains(known.connected().line().channelType())) {
			return known.connected();
		}
		long savesBefore = this.saves.get();
		ConnectedLine connected = lookUp(lineKey, channels, reportAs);
		Duration keep = this.properties.webhookLineCache();
		if (keep.isPositive() && this.saves.get() == savesBefore) {
			if (this.remembered.size() > 10_000) {
				this.remembered.clear();
			}
			this.remembered.put(lineKey, new Remembered(connected, now + keep.toNanos()));
		}
		return connected;
	}

	/**
	 * A changed account (a new app secret) counts on this node from its commit; another node may go on
	 * with the old one for up to {@code linea.channel.webhook-line-cache}, and the provider retries what it refuses.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void accountSaved(ProviderAccountSaved event) {
		this.saves.incrementAndGet();
		this.remembered.values().removeIf(known -> known.connected().line().id() == event.lineId());
	}

	private ConnectedLine lookUp(String lineKey, Set<ChannelType> channels, ChannelType reportAs) {
		Line line = this.lines.findByKey(lineKey)
			.filter(Line::active)
			.filter(found -> channels.contains(found.channelType()))
			.orElseThrow(() -> refuse(reportAs, lineKey, "unknown_line", HttpStatus.NOT_FOUND, "No such line"));
		ProviderAccount account = this.accounts.find(line.id())
			.orElseThrow(() -> refuse(reportAs, lineKey, "not_connected", HttpStatus.NOT_FOUND, "The line is not connected to the provider"));
		return new ConnectedLine(line, account);
	}

	/** The raw body, refused with 413 beyond {@code linea.channel.max-webhook-body}. */
	public byte[] body(HttpServletRequest request, Line line) {
		long limit = this.properties.maxWebhookBody().toBytes();
		if (request.getContentLengthLong() > limit) {
			throw refuse(line.channelType(), line.key(), "too_large", HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + limit + " bytes");
		}
		try (InputStream in = request.getInputStream()) {
			long declared = request.getContentLengthLong();
			if (declared >= 0) {
				// read into an array of the declared length (the stream ends there): reading up to the limit went
				// through a 16 kB buffer per call, a third of what the ack path allocated
				byte[] body = new byte[(int) declared];
				int read = in.readNBytes(body, 0, body.length);
				return read == body.length ? body : Arrays.copyOf(body, read);
			}
			byte[] body = in.readNBytes((int) limit + 1);
			if (body.length > limit) {
				throw refuse(line.channelType(), line.key(), "too_large", HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + limit + " bytes");
			}
			return body;
		}
		catch (IOException ex) {
			throw refuse(line.channelType(), line.key(), "unreadable", HttpStatus.BAD_REQUEST, "The body could not be read");
		}
	}

	/** Refuses a call whose signature does not match: 403. */
	public ResponseStatusException badSignature(Line line) {
		return refuse(line.channelType(), line.key(), "signature", HttpStatus.FORBIDDEN, "Invalid signature");
	}

	/** Refuses a signed call whose content breaks the provider's documented shape: 400, with the reason. */
	public ResponseStatusException malformed(Line line, String reason) {
		this.metrics.webhookRejected(line.channelType(), "malformed");
		log.warn("Webhook refused channel={} line={} reason=malformed", line.channelType(), line.key());
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
	}

	private ResponseStatusException refuse(ChannelType channel, String lineKey, String reason, HttpStatus status, String detail) {
		this.metrics.webhookRejected(channel, reason);
		log.warn("Webhook refused channel={} line={} reason={}", channel, lineKey.matches("[a-z0-9-]{1,40}") ? lineKey : "(invalid)",
				reason);
		return new ResponseStatusException(status, detail);
	}

	private record Remembered(ConnectedLine connected, long until) {
	}

	/** A line with its provider account, as a webhook needs it. */
	public record ConnectedLine(Line line, ProviderAccount account) {
	}

}
