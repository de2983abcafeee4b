package org.linea.channel.twilio;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import org.linea.access.Requires;
import org.linea.access.ServedDirectly;
import org.linea.access.Permission;
import org.linea.channel.ChannelService;
import org.linea.channel.ChannelTemplates;
import org.linea.access.ChannelType;
import org.linea.channel.DeliveryReport;
import org.linea.channel.InboundMessage;
import org.linea.channel.TemplateEvent;
import org.linea.channel.WebhookGate;
import org.linea.channel.WebhookGate.ConnectedLine;
import org.linea.channel.WebhookWriter;
import org.linea.shared.LineaProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio calls these: a message came in, an outgoing message changed status, or (Event Streams) a
 * WhatsApp template's approval changed. The signature is checked over the public address Twilio called
 * (from {@code linea.public-url}, never from request headers) and every form parameter, or for the JSON
 * events the body's SHA-256 that the address carries; the answer comes once the content is stored.
 */
@RestController
@RequestMapping("/webhooks/twilio/{lineKey}")
@Requires(Permission.PUBLIC)
class TwilioWebhookController {

	private static final Set<ChannelType> CHANNELS = Set.of(ChannelType.TWILIO_SMS, ChannelType.TWILIO_WHATSAPP);

	private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

	private final WebhookGate gate;

	private final ChannelService channels;

	private final WebhookWriter writer;

	private final LineaProperties properties;

	private final Clock clock;

	private final JsonMapper json;

	private final ChannelTemplates templates;

	TwilioWebhookController(WebhookGate gate, ChannelService channels, WebhookWriter writer, LineaProperties properties, Clock clock,
			JsonMapper json, ChannelTemplates templates) {
		this.gate = gate;
		this.channels = channels;
		this.writer = writer;
		this.properties = properties;
		this.clock = clock;
		this.json = json;
		this.templates = templates;
	}

	@ServedDirectly
	@PostMapping(produces = MediaType.TEXT_XML_VALUE)
	ResponseEntity<String> receive(@PathVariable String lineKey, HttpServletRequest request) {
		Signed call = signed(lineKey, request);
		List<InboundMessage> messages;
		try {
			messages = TwilioInbound.messages(call.params(), Instant.now(this.clock));
		}
		catch (TwilioInbound.Malformed ex) {
			throw malformed(call, request, ex.getMessage());
		}
		this.writer.store(call.connected().line(), call.raw(), request.getContentType(), messages, List.of());
		return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
	}

	@ServedDirectly
	@PostMapping("/status")
	ResponseEntity<Void> status(@PathVariable String lineKey, HttpServletRequest request) {
		Signed call = signed(lineKey, request);
		// read from the query string by hand: asking the request for a parameter would consume the signed body
		DeliveryReport report;
		try {
			String ref = request.getQueryString() == null ? null
					: FormBody.parse(request.getQueryString().getBytes(StandardCharsets.UTF_8)).get("ref");
			report = TwilioInbound.report(call.params(), ref, Instant.now(this.clock));
		}
		catch (TwilioInbound.Malformed ex) {
			throw malformed(call, request, ex.getMessage());
		}
		this.writer.store(call.connected().line(), call.raw(), request.getContentType(), List.of(),
				report == null ? List.of() : List.of(report));
		return ResponseEntity.ok().build();
	}

	/**
	 * An Event Streams webhook sink: template approval and category changes. Signed like Twilio's JSON
	 * webhooks: the address carries {@code bodySHA256}, the signature covers the address.
	 */
	@ServedDirectly
	@PostMapping("/events")
	ResponseEntity<Void> events(@PathVariable String lineKey, HttpServletRequest request) {
		ConnectedLine connected = this.gate.line(lineKey, Set.of(ChannelType.TWILIO_WHATSAPP), ChannelType.TWILIO_WHATSAPP);
		byte[] body = this.gate.body(request, connected.line());
		String raw = new String(body, StandardCharsets.UTF_8);
		String signature = request.getHeader("X-Twilio-Signature");
		String token = connected.account().secret(TwilioChannel.AUTH_TOKEN);
		if (signature == null || token == null || !validJson(token, calledUrl(request), raw, signature)) {
			throw this.gate.badSignature(connected.line());
		}
		List<TemplateEvent> events;
		try {
			events = TwilioTemplateEvents.of(body, this.json, connected.account().setting(TwilioChannel.ACCOUNT_SID));
		}
		catch (TwilioInbound.Malformed ex) {
			this.channels.reject(connected.line(), raw, request.getContentType(), ex.getMessage());
			throw this.gate.malformed(connected.line(), ex.getMessage());
		}
		this.writer.store(connected.line(), raw, request.getContentType(), List.of(), List.of());
		// Event Streams delivers at least once: applying the same change again changes nothing
		events.forEach(event -> this.templates.apply(connected.line(), event));
		return ResponseEntity.ok().build();
	}

	private static boolean validJson(String token, String url, String body, String signature) {
		try {
			return new RequestValidator(token).validate(url, body, signature);
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	private String calledUrl(HttpServletRequest request) {
		return this.properties.publicUrl().replaceAll("/+$", "") + request.getRequestURI()
				+ (request.getQueryString() == null ? "" : "?" + request.getQueryString());
	}

	private Signed signed(String lineKey, HttpServletRequest request) {
		ConnectedLine connected = this.gate.line(lineKey, CHANNELS, ChannelType.TWILIO_SMS);
		byte[] body = this.gate.body(request, connected.line());
		Map<String, String> params;
		try {
			params = FormBody.parse(body);
		}
		catch (TwilioInbound.Malformed ex) {
			// not signed yet, so nothing is stored
			throw this.gate.malformed(connected.line(), ex.getMessage());
		}
		String signature = request.getHeader("X-Twilio-Signature");
		String token = connected.account().secret(TwilioChannel.AUTH_TOKEN);
		if (signature == null || token == null || !new RequestValidator(token).validate(calledUrl(request), params, signature)) {
			throw this.gate.badSignature(connected.line());
		}
		Signed call = new Signed(connected, params, new String(body, StandardCharsets.UTF_8));
		if (!Objects.equals(params.get("AccountSid"), connected.account().setting(TwilioChannel.ACCOUNT_SID))) {
			throw malformed(call, request, "AccountSid is not this line's account");
		}
		return call;
	}

	private RuntimeException malformed(Signed call, HttpServletRequest request, String reason) {
		this.channels.reject(call.connected().line(), call.raw(), request.getContentType(), reason);
		return this.gate.malformed(call.connected().line(), reason);
	}

	private record Signed(ConnectedLine connected, Map<String, String> params, String raw) {
	}

}
