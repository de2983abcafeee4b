package org.linea.pipeline;

import org.linea.conversation.ConversationState;
import org.linea.conversation.ConversationService;
import org.linea.conversation.SurveyTurns;
import org.linea.conversation.Conversation;
import org.linea.conversation.SenderKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.OpeningHours;
import org.linea.bot.AutoAnswer;
import org.linea.bot.BotDecision;
import org.linea.bot.BotReplies;
import org.linea.survey.ClosingFlow;
import org.linea.bot.InboundQuestion;
import org.linea.bot.Keywords;
import org.linea.knowledge.MessageLanguage;
import org.linea.channel.ChannelService;
import org.linea.channel.OutboundContent;
import org.linea.channel.PendingInbound;
import org.linea.closure.LineClosures;
import org.linea.contact.Contact;
import org.linea.contact.ContactService;
import org.linea.privacy.PersonRequests;
import org.linea.safeguarding.Finding;
import org.linea.safeguarding.SafeguardingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a stored message: find the person and their conversation, honour opt-out keywords,
 * screen for a safeguarding report (before the bot and before anything is sent: a report gets the
 * safe reply and becomes a restricted case, and ends a survey the person is taking), take the answer
 * to a survey question the person is asked, greet a new conversation, say when the line opens if it
 * is closed, refer the person elsewhere when the line itself has closed for good, let the bot answer, and hand the conversation to the team when the bot does not (a
 * person's own question in the middle of a survey goes this way, and the survey resumes after it). Each message is processed once, in the order the
 * person wrote, in one transaction with everything it causes (replies go to the outbox in it).
 */
@Component
class InboundPipeline {

	private static final Logger log = LoggerFactory.getLogger(InboundPipeline.class);

	private final ChannelService channels;

	private final LineService lines;

	private final ContactService contacts;

	private final ConversationService conversations;

	private final AutoAnswer autoAnswer;

	private final ClosingFlow closingFlow;

	private final BotReplies replies;

	private final PersonRequests personRequests;

	private final MessageLanguage languages;

	private final SafeguardingService safeguarding;

	private final SurveyTurns surveys;

	private final LineClosures closures;

	private final Clock clock;

	InboundPipeline(ChannelService channels, LineService lines, ContactService contacts, ConversationService conversations,
			AutoAnswer autoAnswer, ClosingFlow closingFlow, BotReplies replies, PersonRequests personRequests,
			MessageLanguage languages, SafeguardingService safeguarding, SurveyTurns surveys, LineClosures closures, Clock clock) {
		this.closures = closures;
		this.surveys = surveys;
		this.personRequests = personRequests;
		this.channels = channels;
		this.lines = lines;
		this.contacts = contacts;
		this.conversations = conversations;
		this.autoAnswer = autoAnswer;
		this.closingFlow = closingFlow;
		this.replies = replies;
		this.languages = languages;
		this.safeguarding = safeguarding;
		this.clock = clock;
	}

	/** Processes this message, and first any older unprocessed message from the same person. */
	@Transactional
	public void process(long inboundId) {
		List<Long> inOrder = this.channels.lockSenderOf(inboundId);
		for (long id : inOrder) {
			this.channels.lockPending(id).ifPresent(this::handle);
		}
	}

	private void handle(PendingInbound message) {
		Line line = this.lines.get(message.lineId());
		Contact contact = this.contacts.findOrCreate(line, message.from(), message.userId(), message.profileName());
		if (answeredClosingFlow(contact, message)) {
			this.channels.markProcessed(message.id());
			log.info("Inbound processed line={} inbound={} outcome=CLOSING_FLOW", line.key(), message.id());
			return;
		}
		Conversation conversation = this.conversations.openFor(line, contact);
		long messageId = this.conversations.recordInbound(conversation, message);
		String outcome = route(line, contact, conversation, message, messageId);
		this.channels.markProcessed(message.id());
		log.info("Inbound processed line={} inbound={} conversation={} kind={} outcome={}", line.key(), message.id(),
				conversation.id(), message.kind(), outcome);
	}

	/** A reply to the closing questions of the person's last conversation stays in that conversation. */
	private boolean answeredClosingFlow(Contact contact, PendingInbound message) {
		if (Keywords.optOut(message.text()) != null || Keywords.dataRequest(message.text()) != null) {
			return false;
		}
		Optional<ClosingFlow.ActiveFlow> flow = this.closingFlow.active(contact.id());
		if (flow.isEmpty()) {
			return false;
		}
		Conversation closed = this.conversations.get(flow.get().conversationId());
		Optional<List<OutboundContent>> replies = this.closingFlow.answer(flow.get(), message.text(), closed.language());
		if (replies.isEmpty()) {
			return false;
		}
		this.conversations.recordInbound(closed, message);
		replies.get().forEach(reply -> this.conversations.send(closed, SenderKind.BOT, null, reply));
		return true;
	}

	private String route(Line line, Contact contact, Conversation opened, PendingInbound message, long messageId) {
		Conversation conversation = opened;
		if (conversation.isNew() && conversation.state() == ConversationState.BOT) {
			// greeted in the language the person writes in, among the line's
			conversation = this.conversations.speaking(conversation,
					this.languages.detect(message.text(), line.languages(), conversation.language()));
		}
		String language = conversation.language();
		String optOut = Keywords.optOut(message.text());
		if (optOut != null) {
			this.contacts.optOut(contact.id(), optOut);
			this.closingFlow.stop(contact.id());
			this.surveys.stop(contact.id(), "OPTED_OUT");
			this.conversations.send(conversation, SenderKind.BOT, null, this.replies.optOutConfirmed(language));
			if (conversation.state() == ConversationState.BOT) {
				this.conversations.close(conversation.id(), null, "OPTED_OUT");
			}
			return "OPTED_OUT";
		}
		PersonRequests.Kind dataRequest = Keywords.dataRequest(message.text());
		if (dataRequest != null) {
			this.conversations.send(conversation, SenderKind.BOT, null, this.personRequests.handle(line, contact, dataRequest, language));
			return "DATA_REQUEST:" + dataRequest;
		}
		Optional<Finding> report = this.safeguarding.screenInbound(line, conversation, messageId, message.text());
		if (report.isPresent()) {
			this.surveys.stop(contact.id(), "SAFEGUARDING");
			if (conversation.state() == ConversationState.BOT) {
				this.autoAnswer.recordSensitive(
						new InboundQuestion(line, conversation.id(), messageId, language, message.text(), conversation.isNew()), report.get());
			}
			return "SAFEGUARDING:" + report.get().category() + (report.get().urgent() ? ":URGENT" : "");
		}
		Optional<String> referral = this.closures.referral(line, language);
		if (referral.isPresent()) {
			// a closed line: the referral at once, nothing for the bot, the surveys or the queue
			this.conversations.send(conversation, SenderKind.BOT, null, referral.get());
			if (conversation.state() == ConversationState.BOT) {
				this.conversations.close(conversation.id(), null, "LINE_CLOSED");
			}
			return "LINE_CLOSED";
		}
		SurveyTurns.Outcome survey = this.surveys.take(conversation, message.text());
		if (survey == SurveyTurns.Outcome.TAKEN) {
			return "SURVEY";
		}
		String outcome = answer(line, conversation, message, messageId);
		if (survey == SurveyTurns.Outcome.NOT_AN_ANSWER) {
			this.surveys.resumeAfter(this.conversations.get(conversation.id()), !outcome.startsWith("BOT:"));
			return "SURVEY_INTERRUPTED:" + outcome;
		}
		return outcome;
	}

	/** Greets, says when the line opens, lets the bot answer, or hands the conversation to the team. */
	private String answer(Line line, Conversation conversation, PendingInbound message, long messageId) {
		String language = conversation.language();
		if (conversation.state() != ConversationState.BOT) {
			return "TO_TEAM";
		}
		if (conversation.isNew()) {
			this.conversations.send(conversation, SenderKind.BOT, null, this.replies.greeting(line, language));
		}
		Instant now = Instant.now(this.clock);
		Optional<ZonedDateTime> opensAt = OpeningHours.parse(line.openingHours()).nextOpening(now, line.timeZone());
		if (opensAt.isPresent()) {
			this.conversations.send(conversation, SenderKind.BOT, null, this.replies.outOfHours(language, opensAt.get()));
			this.conversations.queue(conversation);
			return "OUT_OF_HOURS";
		}
		// screened for a safeguarding report in route(), with the previous message: not screened again
		BotDecision decision = this.autoAnswer.decide(
				new InboundQuestion(line, conversation.id(), messageId, language, message.text(), conversation.isNew(), true));
		Conversation answering = this.conversations.speaking(conversation, decision.language());
		decision.replies().forEach(reply -> this.conversations.send(answering, SenderKind.BOT, null, reply));
		if (decision.handOff()) {
			this.conversations.send(answering, SenderKind.BOT, null, this.replies.handOff(answering.language()));
			this.conversations.queue(answering);
			return "HANDOFF:" + decision.reason();
		}
		return "BOT:" + decision.kind();
	}

}
