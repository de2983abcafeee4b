package org.linea.channel.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.linea.access.Requires;
import org.linea.access.ServedDirectly;
import org.linea.access.Permission;
import org.linea.channel.ChannelService;
import org.linea.channel.ChannelTemplates;
import org.linea.channel.TemplateEvent;
import org.linea.access.ChannelType;
import org.linea.channel.WebhookGate;
import org.linea.channel.WebhookGate.ConnectedLine;
import org.linea.channel.WebhookWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta calls this: the subscription handshake (GET) and every message and status (POST). A POST is
 * answered 200 only once what it carries is stored.
 */
@RestController
@RequestMapping("/webhooks/whatsapp/{lineKey}")
@Requires(Permission.PUBLIC)
class WhatsAppWebhookController {

	private static final Set<ChannelType> CHANNELS = Set.of(ChannelType.WHATSAPP_CLOUD);

	private final WebhookGate gate;

	private final ChannelService channels;

	private final WebhookWriter writer;

	private final JsonMapper json;

	private final ChannelTemplates templates;

	private final boolean streamingRead;

	/**
	 * @param streamingRead {@code linea.whatsapp.streaming-read}: a body of the usual shape read field by field
	 * instead of bound by the mapper (same result, a fraction of the CPU); false for paired benchmarks
	 */
	WhatsAppWebhookController(WebhookGate gate, ChannelService channels, WebhookWriter writer, JsonMapper json, ChannelTemplates templates,
			@Value("${linea.whatsapp.streaming-read:true}") boolean streamingRead) {
		this.streamingRead = streamingRead;
		this.gate = gate;
		this.channels = channels;
		this.writer = writer;
		this.json = json;
		this.templates = templates;
	}

	@GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
	String verify(@PathVariable String lineKey, @RequestParam("hub.mode") String mode,
			@RequestParam("hub.verify_token") String verifyToken, @RequestParam("hub.challenge") String challenge) {
		ConnectedLine connected = this.gate.line(lineKey, CHANNELS, ChannelType.WHATSAPP_CLOUD);
		String expected = connected.account().verifyToken();
		boolean matches = expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				verifyToken.getBytes(StandardCharsets.UTF_8));
		if (!"subscribe".equals(mode) || !matches) {
			throw this.gate.badSignature(connected.line());
		}
		return challenge;
	}

	@ServedDirectly
	@PostMapping
	ResponseEntity<Void> receive(@PathVariable String lineKey, HttpServletRequest request) {
		ConnectedLine connected = this.gate.line(lineKey, CHANNELS, ChannelType.WHATSAPP_CLOUD);
		byte[] body = this.gate.body(request, connected.line());
		if (!WhatsAppSignature.valid(connected.account().secret(WhatsAppChannel.APP_SECRET), body,
				request.getHeader("X-Hub-Signature-256"))) {
			throw this.gate.badSignature(connected.line());
		}
		String raw = new String(body, StandardCharsets.UTF_8);
		WhatsAppInbound.Decoded decoded;
		try {
			decoded = WhatsAppInbound.parse(body, this.json, connected.account().setting(WhatsAppChannel.PHONE_NUMBER_ID),
					this.streamingRead);
		}
		catch (WhatsAppInbound.Malformed ex) {
			this.channels.reject(connected.line(), raw, request.getContentType(), ex.getMessage());
			throw this.gate.malformed(connected.line(), ex.getMessage());
		}
		this.writer.store(connected.line(), raw, request.getContentType(), decoded.messages(), decoded.reports());
		// template webhooks (status, category): the stored template follows; the raw call is stored above.
		// Read again as a tree only when there are some: a message's call is parsed once.
		if (decoded.templateChanges()) {
			for (TemplateEvent event : WhatsAppTemplateEvents.of(this.json.readTree(body))) {
				this.templates.apply(connected.line(), event);
			}
		}
		return ResponseEntity.ok().build();
	}

}
