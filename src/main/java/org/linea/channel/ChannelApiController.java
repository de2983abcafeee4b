package org.linea.channel;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.linea.access.Requires;
import org.linea.access.Permission;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Connecting lines to WhatsApp Cloud API or Twilio from scripts: administrators only. */
@RestController
@RequestMapping("/api/lines/{lineKey}/channel")
@Tag(name = "Channel", description = "A line's provider account, webhook addresses and approved templates")
@Requires(Permission.ORG_ADMIN)
class ChannelApiController {

	private final ChannelAccounts accounts;

	ChannelApiController(ChannelAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	@Operation(summary = "The provider account (secrets only as set / not set), webhook addresses and templates")
	Setup show(@PathVariable String lineKey) {
		return Setup.of(this.accounts.setup(lineKey));
	}

	@PutMapping
	@Operation(summary = "Connect the line or change its account; secrets left out or blank keep their stored value")
	Setup connect(@PathVariable String lineKey, @Valid @RequestBody AccountRequest request) {
		this.accounts.connect(lineKey, request.values() == null ? Map.of() : request.values(), request.sendRate());
		return show(lineKey);
	}

	@PostMapping("/templates")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an approved template (Meta template name, or Twilio Content SID) with its wording")
	MessageTemplate addTemplate(@PathVariable String lineKey, @Valid @RequestBody TemplateRequest request) {
		return this.accounts.addTemplate(lineKey, request.name(), request.language(), request.body());
	}

	@DeleteMapping("/templates/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeTemplate(@PathVariable String lineKey, @PathVariable long id) {
		this.accounts.removeTemplate(lineKey, id);
	}

	/**
	 * @param values field values by name, e.g. phoneNumberId, accessToken... (see {@code fields} in the answer)
	 * @param sendRate messages per second; the provider's default when left out
	 */
	record AccountRequest(Map<String, @Size(max = 512) String> values, Double sendRate) {
	}

	record TemplateRequest(@NotBlank @Size(max = 512) String name, @NotBlank @Size(max = 16) String language,
			@NotBlank @Size(max = 1024) String body) {
	}

	record Setup(String line, String channel, List<ChannelAdapter.AccountField> fields, Map<String, String> values,
			List<String> secretsSet, String verifyToken, double sendRate, boolean connected, List<ChannelAdapter.Webhook> webhooks,
			List<MessageTemplate> templates) {

		static Setup of(AccountSetup setup) {
			return new Setup(setup.line().key(), setup.line().channelType().name(), setup.fields(), setup.values(), setup.secretsSet(),
					setup.verifyToken(), setup.sendRate(), setup.connected(), setup.webhooks(), setup.templates());
		}

	}

}
