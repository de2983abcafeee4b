package org.linea.feedback.log;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.linea.conversation.ConversationMessage;
import org.linea.conversation.SenderKind;

/**
 * What happened in an interaction, read from its messages: how many the person sent, how many the
 * bot and staff sent, who answered first and when. Messages after the close (the closing questions)
 * do not count as answers.
 */
record InteractionFacts(int messagesIn, int messagesBot, int messagesOperator, Instant firstResponseAt, String answeredBy,
		List<Long> operatorIds) {

	static InteractionFacts of(List<ConversationMessage> messages, Instant closedAt) {
		List<ConversationMessage> during = messages.stream()
			.filter(m -> closedAt == null || !m.createdAt().isAfter(closedAt))
			.toList();
		int in = (int) during.stream().filter(m -> m.direction().equals("IN")).count();
		List<ConversationMessage> out = during.stream().filter(m -> m.direction().equals("OUT")).toList();
		int bot = (int) out.stream().filter(m -> m.senderKind() == SenderKind.BOT).count();
		int operator = (int) out.stream().filter(m -> m.senderKind() == SenderKind.OPERATOR).count();
		Instant firstIn = during.stream().filter(m -> m.direction().equals("IN")).map(ConversationMessage::createdAt)
			.findFirst().orElse(null);
		Instant firstResponse = firstIn == null ? null : out.stream().map(ConversationMessage::createdAt)
			.filter(at -> !at.isBefore(firstIn)).findFirst().orElse(null);
		String answeredBy = operator > 0 ? "PERSON" : bot > 0 ? "BOT" : "NONE";
		List<Long> operators = out.stream().filter(m -> m.senderKind() == SenderKind.OPERATOR).map(ConversationMessage::authorId)
			.filter(Objects::nonNull).distinct().toList();
		return new InteractionFacts(in, bot, operator, firstResponse, answeredBy, operators);
	}

	/** Whether the first answer came later than the objective after the interaction opened. */
	boolean late(Instant openedAt, int objectiveMinutes) {
		return this.firstResponseAt != null && Duration.between(openedAt, this.firstResponseAt).toMinutes() > objectiveMinutes;
	}

}
