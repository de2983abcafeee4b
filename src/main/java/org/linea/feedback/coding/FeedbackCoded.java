package org.linea.feedback.coding;

import java.util.List;

/**
 * An interaction was coded (at closing) or its coding corrected; published inside the coding's
 * transaction. Carries the codes only, never a word the person wrote.
 */
public record FeedbackCoded(long conversationId, long lineId, FeedbackType feedbackType, List<String> topics, boolean correction) {
}
