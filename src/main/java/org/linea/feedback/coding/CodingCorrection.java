package org.linea.feedback.coding;

import java.time.Instant;
import java.util.List;

/** One version of an interaction's coding: who gave it and when. */
public record CodingCorrection(List<String> topics, List<String> informationTypes, String feedbackType, String codedBy,
		Instant codedAt, String reason) {
}
