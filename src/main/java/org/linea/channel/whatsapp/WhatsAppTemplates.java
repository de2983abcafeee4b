package org.linea.channel.whatsapp;

import java.util.ArrayList;
import java.util.List;

import org.linea.access.ChannelType;
import org.linea.channel.ProviderAccount;
import org.linea.channel.ProviderHttp;
import org.linea.channel.ProviderTemplate;
import org.linea.channel.TemplateListing;
import org.linea.channel.TemplateSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The templates of the line's WhatsApp Business Account: {@code GET /{waba-id}/message_templates} with
 * the line's access token, following {@code paging.next} ({@link TemplateListing}).
 * The body component's text is the wording; its {{1}}, {{2}}... are the parameters a send fills in.
 */
@Component
class WhatsAppTemplates implements TemplateSource {

	static final String BUSINESS_ACCOUNT_ID = "businessAccountId";

	private static final String FIELDS = "name,language,status,category,components,id";

	private final ProviderHttp http;

	private final WhatsAppProperties properties;

	private final JsonMapper json;

	WhatsAppTemplates(ProviderHttp http, WhatsAppProperties properties, JsonMapper json) {
		this.http = http;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public boolean serves(ChannelType type) {
		return type == ChannelType.WHATSAPP_CLOUD;
	}

	@Override
	public String name() {
		return "WHATSAPP";
	}

	@Override
	public List<ProviderTemplate> fetch(ProviderAccount account) throws TemplateSyncException, InterruptedException {
		String waba = account.setting(BUSINESS_ACCOUNT_ID);
		if (waba == null || !waba.matches("\\d{1,30}")) {
			throw new TemplateSyncException("The line has no WhatsApp Business Account id");
		}
		TemplateListing listing = new TemplateListing(this.http, this.json, "Graph API", this.properties.graphUrl(),
				"Bearer " + account.secret(WhatsAppChannel.ACCESS_TOKEN), root -> root.path("error").path("message").asString(""));
		List<ProviderTemplate> templates = new ArrayList<>();
		listing.pages(this.properties.graphUrl() + "/" + waba + "/message_templates?fields=" + FIELDS + "&limit=100",
				root -> root.path("paging").path("next").asString(null), root -> {
					for (JsonNode item : root.path("data")) {
						templates.add(template(item));
					}
				});
		return templates;
	}

	private static ProviderTemplate template(JsonNode item) throws TemplateSyncException {
		String name = item.path("name").asString(null);
		String language = item.path("language").asString(null);
		if (name == null || language == null) {
			throw new TemplateSyncException("A template without name or language");
		}
		String body = "";
		for (JsonNode component : item.path("components")) {
			if ("BODY".equalsIgnoreCase(component.path("type").asString(""))) {
				body = component.path("text").asString("");
			}
		}
		return new ProviderTemplate(name, language, item.path("status").asString("PENDING"), item.path("category").asString(null), body,
				item.path("id").asString(null), null);
	}

}
