package org.linea.channel;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.Messages;

import org.springframework.context.MessageSourceResolvable;

/**
 * What Linea sends to a person. Each adapter translates every kind; where a channel has no such thing
 * (buttons on SMS) the adapter sends the nearest equivalent (numbered options).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = OutboundContent.Text.class, name = "text"),
		@JsonSubTypes.Type(value = OutboundContent.Buttons.class, name = "buttons"),
		@JsonSubTypes.Type(value = OutboundContent.Options.class, name = "list"),
		@JsonSubTypes.Type(value = OutboundContent.Media.class, name = "media"),
		@JsonSubTypes.Type(value = OutboundContent.Template.class, name = "template") })
public sealed interface OutboundContent {

	/** The words staff see in the conversation for this message. */
	String preview();

	/** Whether WhatsApp allows it only inside the 24-hour customer-service window. */
	default boolean freeForm() {
		return true;
	}

	static Text text(String body) {
		return new Text(body);
	}

	/** One choice of a button or list message: the id comes back when the person picks it. */
	record Choice(String id, String title, String description) {

		public Choice {
			requireText(id, "choice id", 200);
			requireText(title, "choice title", 24);
			if (description != null && description.length() > 72) {
				throw new InvalidRequestException("error.channel.choice-description-most-72");
			}
		}

	}

	record Text(String body) implements OutboundContent {

		public Text {
			requireText(body, "text", 4096);
		}

		@Override
		public String preview() {
			return this.body;
		}

	}

	/** Up to three reply buttons under a text. */
	record Buttons(String body, List<Choice> choices) implements OutboundContent {

		public Buttons {
			requireText(body, "text", 1024);
			if (choices == null || choices.isEmpty() || choices.size() > 3) {
				throw new InvalidRequestException("error.channel.reply-buttons-three-choices");
			}
			choices.forEach(choice -> requireText(choice.title(), "button title", 20));
			choices = List.copyOf(choices);
		}

		@Override
		public String preview() {
			return numbered(this.body, this.choices);
		}

	}

	/** A list of up to ten options behind a button. */
	record Options(String body, String buttonLabel, List<Choice> choices) implements OutboundContent {

		public Options {
			requireText(body, "text", 1024);
			requireText(buttonLabel, "list button label", 20);
			if (choices == null || choices.isEmpty() || choices.size() > 10) {
				throw new InvalidRequestException("error.channel.list-ten-options");
			}
			choices = List.copyOf(choices);
		}

		@Override
		public String preview() {
			return numbered(this.body, this.choices);
		}

	}

	/**
	 * An image, audio, video or document at a public https address the provider fetches.
	 *
	 * @param kind IMAGE, AUDIO, VIDEO or DOCUMENT
	 */
	record Media(MessageKind kind, String url, String caption) implements OutboundContent {

		public Media {
			if (kind != MessageKind.IMAGE && kind != MessageKind.AUDIO && kind != MessageKind.VIDEO && kind != MessageKind.DOCUMENT) {
				throw new InvalidRequestException("error.channel.media-image-audio-video");
			}
			requireText(url, "media address", 2048);
			if (!url.startsWith("https://")) {
				throw new InvalidRequestException("error.channel.media-https-address");
			}
		}

		@Override
		public String preview() {
			return this.caption == null ? "" : this.caption;
		}

	}

	/**
	 * An approved template with its parameters in order ({{1}}, {{2}}...).
	 *
	 * @param wording the approved text, used to show what the person received
	 */
	record Template(String name, String language, List<String> parameters, String wording) implements OutboundContent {

		private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");

		public Template {
			requireText(name, "template name", 512);
			requireText(language, "template language", 16);
			parameters = parameters == null ? List.of() : List.copyOf(parameters);
			int expected = placeholders(wording);
			if (parameters.size() != expected) {
				throw new InvalidRequestException("error.channel.template-parameters-got", expected, parameters.size());
			}
			parameters.forEach(parameter -> requireText(parameter, "template parameter", 1024));
		}

		/** How many distinct placeholders the wording has. */
		public static int placeholders(String wording) {
			if (wording == null) {
				return 0;
			}
			Matcher matcher = PLACEHOLDER.matcher(wording);
			int highest = 0;
			while (matcher.find()) {
				highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
			}
			return highest;
		}

		@Override
		public String preview() {
			return PLACEHOLDER.matcher(this.wording)
				.replaceAll(match -> Matcher.quoteReplacement(this.parameters.get(Integer.parseInt(match.group(1)) - 1)));
		}

		@Override
		public boolean freeForm() {
			return false;
		}

	}

	private static String numbered(String body, List<Choice> choices) {
		StringBuilder text = new StringBuilder(body);
		for (int i = 0; i < choices.size(); i++) {
			Choice choice = choices.get(i);
			// a row's title cut to fit the list: numbered text has room for the whole label, kept in the description
			boolean cut = choice.title().endsWith("…") && choice.description() != null;
			text.append('\n').append(i + 1).append(". ").append(cut ? choice.description() : choice.title());
		}
		return text.toString();
	}

	private static void requireText(String value, String what, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidRequestException("error.channel.empty", part(what));
		}
		if (value.length() > max) {
			throw new InvalidRequestException("error.channel.more-than-characters", part(what), max);
		}
	}

	/** "button title" in the reader's language. */
	static MessageSourceResolvable part(String what) {
		return Messages.term("channel.part." + what.replace(' ', '-'), what);
	}

}
