package org.linea.channel.twilio;

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
 * Twilio Content templates of a WhatsApp line on Twilio: {@code GET /v1/Content} (following
 * {@code meta.next_page_url}, {@link TemplateListing}), and for each its WhatsApp
 * approval, {@code GET /v1/Content/{sid}/ApprovalRequests} (status and category). A template is sent by
 * its Content SID, so that is its name; the friendly name is its label.
 */
@Component
class TwilioContentTemplates implements TemplateSource {

	private final ProviderHttp http;

	private final TwilioProperties properties;

	private final JsonMapper json;

	TwilioContentTemplates(ProviderHttp http, TwilioProperties properties, JsonMapper json) {
		this.http = http;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public boolean serves(ChannelType type) {
		return type == ChannelType.TWILIO_WHATSAPP;
	}

	@Override
	public String name() {
		return "TWILIO";
	}

	@Override
	public List<ProviderTemplate> fetch(ProviderAccount account) throws TemplateSyncException, InterruptedException {
		String authorization = TwilioChannel.basic(account.setting(TwilioChannel.ACCOUNT_SID), account.secret(TwilioChannel.AUTH_TOKEN));
		TemplateListing listing = new TemplateListing(this.http, this.json, "Content API", this.properties.contentUrl(), authorization,
				root -> root.path("message").asString(""));
		List<ProviderTemplate> templates = new ArrayList<>();
		listing.pages(this.properties.contentUrl() + "/v1/Content?PageSize=100", root -> root.path("meta").path("next_page_url").asString(null),
				root -> {
					for (JsonNode content : root.path("contents")) {
						String sid = content.path("sid").asString("");
						if (!sid.matches("HX[0-9a-fA-F]{32}")) {
							throw new TemplateSyncException("A Content resource without a valid SID");
						}
						JsonNode approval = listing.get(this.properties.contentUrl() + "/v1/Content/" + sid + "/ApprovalRequests").path("whatsapp");
						templates.add(new ProviderTemplate(sid, content.path("language").asString("en"),
								approval.path("status").asString("unsubmitted"), approval.path("category").asString(null),
								body(content.path("types")), sid, content.path("friendly_name").asString(null)));
					}
				});
		return templates;
	}

	/** The text of the content: its twilio/text body, else the first type that has one. */
	private static String body(JsonNode types) {
		String text = types.path("twilio/text").path("body").asString(null);
		if (text != null) {
			return text;
		}
		for (JsonNode type : types) {
			if (type.path("body").isString()) {
				return type.path("body").asString();
			}
		}
		return "";
	}

}
