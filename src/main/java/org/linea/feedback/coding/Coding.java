package org.linea.feedback.coding;

import java.util.List;

/** How an interaction is coded: its topics, the information given, and the kind of feedback. */
public record Coding(List<String> topics, List<InformationType> informationTypes, FeedbackType feedbackType) {
}
