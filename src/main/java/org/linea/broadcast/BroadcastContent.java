package org.linea.broadcast;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.linea.access.Line;
import org.linea.channel.ChannelService;
import org.linea.channel.MessageTemplate;
import org.linea.channel.OutboundContent;
import org.linea.knowledge.Answer;
import org.linea.knowledge.EntryKind;
import org.linea.knowledge.KnowledgeEntry;
import org.linea.knowledge.KnowledgeService;
import org.linea.shared.InvalidRequestException;

import org.springframework.stereotype.Component;

/** Turns a broadcast's message into what each person receives: a text per language, and the template. */
@Component
class BroadcastContent {

	/**
	 * @param texts the free text per line language (empty when the message is a template only)
	 * @param template sent outside the reply window, or to everyone when there is no text; may be null
	 */
	record Contents(Map<String, OutboundContent.Text> texts, OutboundContent.Template template) {

		/** The text in the person's language, else in the line's default language. */
		Optional<OutboundContent.Text> text(String language, String defaultLanguage) {
			return Optional.ofNullable(this.texts.getOrDefault(language, this.texts.get(defaultLanguage)));
		}

	}

	private final KnowledgeService knowledge;

	private final ChannelService channels;

	BroadcastContent(KnowledgeService knowledge, ChannelService channels) {
		this.knowledge = knowledge;
		this.channels = channels;
	}

	/** What the message sends on this line; refuses a template the line does not have or an entry not validated. */
	Contents of(Line line, BroadcastMessage message) {
		message.validated();
		boolean sms = this.channels.segments(line, "").isPresent();
		Map<String, OutboundContent.Text> texts = new LinkedHashMap<>();
		if (message.text() != null) {
			line.languages().forEach(language -> texts.put(language, OutboundContent.text(message.text())));
		}
		if (message.texts() != null) {
			message.texts().forEach((language, text) -> {
				if (line.languages().contains(language)) {
					texts.put(language, OutboundContent.text(text));
				}
			});
			if (!texts.containsKey(line.defaultLanguage())) {
				throw new InvalidRequestException("error.broadcast.text-in-default-language", line.defaultLanguage());
			}
		}
		if (message.entry() != null) {
			KnowledgeEntry entry = this.knowledge.validated(line.id())
				.stream()
				.filter(e -> e.content().kind() == EntryKind.KEY_MESSAGE && e.key().equalsIgnoreCase(message.entry()))
				.findFirst()
				.orElseThrow(() -> new InvalidRequestException("error.broadcast.validated-key-message-line", message.entry()));
			for (String language : line.languages()) {
				Answer answer = entry.content().answers().get(language);
				if (answer != null && !answer.text().isBlank()) {
					texts.put(language, OutboundContent.text(sms ? answer.forSms() : answer.text()));
				}
			}
			if (!texts.containsKey(line.defaultLanguage())) {
				throw new InvalidRequestException("error.broadcast.key-message-answer", message.entry(), line.defaultLanguage());
			}
		}
		OutboundContent.Template template = null;
		if (message.template() != null) {
			BroadcastMessage.TemplateRef ref = message.template();
			template = approved(line, message.template()).with(ref.parameters());
		}
		return new Contents(Map.copyOf(texts), template);
	}

	/**
	 * The line's template a broadcast names, if its provider approved it. Refused otherwise: unknown to the
	 * line (after a reading from the provider, the provider's list is the line's), or known but not approved.
	 */
	MessageTemplate approved(Line line, BroadcastMessage.TemplateRef ref) {
		if (ref.name() == null || ref.name().isBlank()) {
			throw new InvalidRequestException("error.broadcast.template-needs-name");
		}
		MessageTemplate found = this.channels.template(line, ref.name(), ref.language())
			.orElseThrow(() -> new InvalidRequestException("error.broadcast.unknown-template", ref.name(),
					ref.language() == null ? "-" : ref.language()));
		if (!found.approved()) {
			throw new InvalidRequestException("error.broadcast.template-not-approved", ref.name(), found.language(),
					found.status());
		}
		return found;
	}

	/** The category of the template a broadcast sends (MARKETING, UTILITY, AUTHENTICATION), if it is known. */
	Optional<String> category(Line line, BroadcastMessage message) {
		if (message == null || message.template() == null || message.template().name() == null) {
			return Optional.empty();
		}
		return this.channels.template(line, message.template().name(), message.template().language()).map(MessageTemplate::category);
	}

}
