package org.linea.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.channel.ChannelService;
import org.linea.channel.OutboundContent;
import org.linea.contact.Contact;
import org.linea.contact.ContactService;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationService;
import org.linea.conversation.ConversationState;
import org.linea.conversation.SenderKind;
import org.linea.conversation.SurveyTurns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs surveys over the channel, one person at a time: asks the next relevant question, reads the
 * reply, asks again with the constraint or required message when it does not do, skips what is not
 * relevant, sends notes as they come, and ends the survey when the questions run out, the person sends
 * the stop keyword, opts out or reports something to safeguarding. A person's own question in the
 * middle is left to the bot or the team, and the survey asks its question again afterwards. Messages
 * go through the conversation (and so the outbox) as the bot's.
 */
@Service
public class SurveyRuns implements SurveyTurns {

	private static final Logger log = LoggerFactory.getLogger(SurveyRuns.class);

	private final SurveyStore store;

	private final ConversationService conversations;

	private final LineService lines;

	private final ContactService contacts;

	private final ClosingFlow closingFlow;

	private final ChannelService channels;

	private final MessageSource messages;

	private final Clock clock;

	SurveyRuns(SurveyStore store, ConversationService conversations, LineService lines, ContactService contacts,
			ClosingFlow closingFlow, ChannelService channels, MessageSource messages, Clock clock) {
		this.channels = channels;
		this.store = store;
		this.conversations = conversations;
		this.lines = lines;
		this.contacts = contacts;
		this.closingFlow = closingFlow;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Starts the survey for a person who takes none: the introduction and the first question; or, for
	 * someone outside WhatsApp's 24-hour window, the approved template that invites them, and the
	 * survey waits for their reply (which opens the window) to begin.
	 *
	 * @param invitation the template to send instead of free text, or null inside the window
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	long start(long surveyId, long waveId, Line line, Contact contact, OutboundContent.Template invitation) {
		SurveyForm form = this.store.form(surveyId);
		String language = languageFor(form, contact, line);
		this.closingFlow.stop(contact.id());
		long sessionId = this.store.startSession(surveyId, waveId, line.id(), contact.id(), contact.code(), language, now());
		Session session = this.store.lockActive(sessionId).orElseThrow();
		Conversation conversation = this.conversations.openFor(line, contact);
		if (invitation != null) {
			send(session, conversation, invitation);
			this.store.waitingReply(sessionId, true);
			return sessionId;
		}
		begin(session, form, conversation);
		return sessionId;
	}

	private void begin(Session session, SurveyForm form, Conversation conversation) {
		send(session, conversation, OutboundContent.text(text(session.language(), "survey.intro", form.title())));
		askAfter(session, form, conversation, null);
	}

	/** The person's language: labels fall back to the form's default language where the form lacks it. */
	private static String languageFor(SurveyForm form, Contact contact, Line line) {
		return contact.language() != null ? contact.language() : line.defaultLanguage();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Outcome take(Conversation conversation, String text) {
		Optional<Session> running = this.store.activeFor(conversation.contactId());
		if (running.isEmpty()) {
			return Outcome.NO_SURVEY;
		}
		Session session = running.get();
		if (session.paused()) {
			if (conversation.state() != ConversationState.BOT) {
				return Outcome.NO_SURVEY;
			}
			this.store.paused(session.id(), false);
		}
		SurveyForm form = this.store.form(session.surveyId());
		if (Replies.stop(text)) {
			this.store.finish(session.id(), "STOPPED", now());
			send(session, conversation, OutboundContent.text(text(session.language(), "survey.stopped")));
			closeIfBot(conversation, "SURVEY_STOPPED");
			return Outcome.TAKEN;
		}
		if (session.waitingReply()) {
			// invited by template: any reply (the template's button, "ok", a question) opens the window, and the survey begins
			this.store.waitingReply(session.id(), false);
			begin(session, form, conversation);
			return Outcome.TAKEN;
		}
		Question question = form.question(session.currentQuestion()).orElse(null);
		if (question == null) {
			return Outcome.NO_SURVEY;
		}
		Map<String, String> answers = this.store.answers(session.id());
		List<Choice> choices = form.visibleChoices(question, answers);
		Answer answer = Replies.read(question, choices, session.language(), form.defaultLanguage(), text);
		switch (answer) {
			case Answer.NotAnAnswer none -> {
				return Outcome.NOT_AN_ANSWER;
			}
			case Answer.Invalid invalid -> reask(session, form, conversation, question, choices, text(session.language(), invalid.messageKey()));
			case Answer.Skipped skipped -> {
				if (question.required()) {
					reask(session, form, conversation, question, choices, message(question.requiredMessages(), session, form,
							"survey.reply.required"));
				}
				else {
					this.store.answer(session.id(), question.name(), question.defaultValue(), now());
					askAfter(session, form, conversation, question);
				}
			}
			case Answer.Value value -> {
				Map<String, String> withSelf = new HashMap<>(answers);
				withSelf.put(question.name(), value.value());
				withSelf.put(Expressions.SELF, value.value());
				if (question.constraint() != null && !Expressions.test(question.constraint(), withSelf)) {
					reask(session, form, conversation, question, choices, message(question.constraintMessages(), session, form,
							"survey.reply.constraint"));
				}
				else {
					this.store.answer(session.id(), question.name(), value.value(), now());
					askAfter(session, form, conversation, question);
				}
			}
		}
		return Outcome.TAKEN;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void resumeAfter(Conversation conversation, boolean handedOver) {
		this.store.activeFor(conversation.contactId()).ifPresent(session -> {
			if (handedOver) {
				this.store.paused(session.id(), true);
				return;
			}
			SurveyForm form = this.store.form(session.surveyId());
			form.question(session.currentQuestion()).ifPresent(question -> reask(session, form, conversation, question,
					form.visibleChoices(question, this.store.answers(session.id())), text(session.language(), "survey.resume")));
		});
	}

	@Override
	@Transactional
	public void stop(long contactId, String reason) {
		this.store.activeFor(contactId).ifPresent(session -> {
			this.store.finish(session.id(), "STOPPED", now());
			log.info("Survey session {} stopped: {}", session.id(), reason);
		});
	}

	/** Whether survey messages went through this conversation (the feedback log types it as a survey). */
	@Transactional(readOnly = true)
	public boolean carriedSurvey(long conversationId) {
		return this.store.surveyConversation(conversationId);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean running(long contactId) {
		return this.store.running(contactId);
	}

	/**
	 * Asks the session's question again after a while without an answer, in the person's open
	 * conversation with the bot; false when the team holds the conversation (the reminder waits). Where
	 * WhatsApp's 24-hour window has closed a free-form reminder would not arrive: it counts as used
	 * without being sent, so the survey times out.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean remind(Session session) {
		Conversation conversation = conversationOf(session);
		if (conversation.state() != ConversationState.BOT) {
			return false;
		}
		SurveyForm form = this.store.form(session.surveyId());
		Optional<Question> question = form.question(session.currentQuestion());
		if (question.isEmpty()) {
			return false;
		}
		this.store.reminded(session.id(), now());
		if (!this.channels.replyWindow(this.lines.get(session.lineId()), session.contactId()).open()) {
			log.info("Survey session {}: reminder not sent, the reply window is closed", session.id());
			return true;
		}
		send(session, conversation, OutboundContent.text(text(session.language(), "survey.reminder", form.title())));
		send(session, conversation, Prompts.question(form, question.get(),
				form.visibleChoices(question.get(), this.store.answers(session.id())), session.language(), this.textIn(session.language())));
		return true;
	}

	/** Ends a survey left unfinished: what was answered stays, as partial. */
	@Transactional(propagation = Propagation.MANDATORY)
	void timeOut(Session session) {
		this.store.finish(session.id(), "TIMED_OUT", now());
		log.info("Survey session {} timed out", session.id());
	}

	private Conversation conversationOf(Session session) {
		Line line = this.lines.get(session.lineId());
		return this.conversations.openFor(line, this.contacts.get(session.contactId()));
	}

	private void reask(Session session, SurveyForm form, Conversation conversation, Question question, List<Choice> choices,
			String why) {
		send(session, conversation, OutboundContent.text(why));
		send(session, conversation, Prompts.question(form, question, choices, session.language(), textIn(session.language())));
		this.store.asked(session.id(), question.name(), now());
	}

	/** Sends the notes and the next relevant question after this one (from the start when null), or ends the survey. */
	private void askAfter(Session session, SurveyForm form, Conversation conversation, Question answered) {
		Map<String, String> answers = this.store.answers(session.id());
		for (Question question : form.nextSteps(answered, answers)) {
			send(session, conversation, Prompts.question(form, question, form.visibleChoices(question, answers), session.language(),
					textIn(session.language())));
			if (question.type() != QuestionType.NOTE) {
				this.store.asked(session.id(), question.name(), now());
				return;
			}
		}
		this.store.finish(session.id(), "COMPLETE", now());
		send(session, conversation, OutboundContent.text(text(session.language(), "survey.thanks")));
		closeIfBot(conversation, "SURVEY_COMPLETE");
	}

	private void closeIfBot(Conversation conversation, String reason) {
		Conversation now = this.conversations.get(conversation.id());
		if (now.state() == ConversationState.BOT) {
			this.conversations.close(now.id(), null, reason);
		}
	}

	private void send(Session session, Conversation conversation, OutboundContent content) {
		this.conversations.send(conversation, SenderKind.BOT, null, content);
		this.store.countSent(session.id(), conversation.id());
	}

	private String message(Map<String, String> formMessages, Session session, SurveyForm form, String fallbackKey) {
		String text = Labels.pick(formMessages, session.language(), form.defaultLanguage(), null);
		return text != null ? text : text(session.language(), fallbackKey);
	}

	private java.util.function.BiFunction<String, Object[], String> textIn(String language) {
		return (key, args) -> this.messages.getMessage(key, args, Locale.forLanguageTag(language));
	}

	private String text(String language, String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.forLanguageTag(language));
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

}
