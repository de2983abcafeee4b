package org.linea.integration;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.linea.access.Permission;
import org.linea.access.Requires;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Outgoing webhooks of an organisation, for its administrators. */
@RestController
@Tag(name = "Webhooks", description = "Signed, retried events Linea posts to an organisation's systems (Power BI, Kobo, a CRM)")
class IntegrationApiController {

	private final IntegrationWebhooks webhooks;

	IntegrationApiController(IntegrationWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	@Requires(Permission.ORG_ADMIN)
	@GetMapping("/api/organisations/{organisationId}/webhooks")
	@Operation(summary = "The organisation's webhooks (never their secrets)")
	List<IntegrationWebhooks.Webhook> list(@PathVariable long organisationId) {
		return this.webhooks.list(organisationId);
	}

	@Requires(Permission.ORG_ADMIN)
	@PostMapping("/api/organisations/{organisationId}/webhooks")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Subscribe an https address to events; the answer holds the signing secret, shown only this once",
			description = """
					Each delivery is a POST of {"id", "type", "createdAt", "line", "data"} with headers X-Linea-Event,
					X-Linea-Delivery (the event id: the same on every retry) and X-Linea-Signature: t=<unix seconds>,v1=<hex
					HMAC-SHA256 of "<t>.<body>" keyed with the secret>. Any 2xx answer ends it; 408, 429, 5xx or no answer are
					tried again with doubling waits. Payloads never carry a person's words, number or name.""")
	IntegrationWebhooks.CreatedWebhook create(@PathVariable long organisationId, @RequestBody NewWebhook webhook) {
		return this.webhooks.create(organisationId, webhook.url(), webhook.events());
	}

	@Requires(Permission.ORG_ADMIN)
	@DeleteMapping("/api/organisations/{organisationId}/webhooks/{webhookId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop a webhook; deliveries still pending end as failed")
	void deactivate(@PathVariable long organisationId, @PathVariable long webhookId) {
		this.webhooks.deactivate(organisationId, webhookId);
	}

	@Requires(Permission.ORG_ADMIN)
	@GetMapping("/api/organisations/{organisationId}/webhooks/{webhookId}/deliveries")
	@Operation(summary = "The webhook's latest deliveries with their status, attempts and last answer")
	List<IntegrationWebhooks.Delivery> deliveries(@PathVariable long organisationId, @PathVariable long webhookId,
			@RequestParam(defaultValue = "50") int limit) {
		return this.webhooks.deliveries(organisationId, webhookId, limit);
	}

	record NewWebhook(@Schema(example = "https://crm.example.org/linea-events") String url,
			@Schema(example = "[\"conversation.closed\", \"feedback.coded\"]") List<String> events) {
	}

}
