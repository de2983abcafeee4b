package org.linea.feedback.coding;

import java.util.List;

/** A coder's corrected coding of an interaction, and why. */
public record CorrectionForm(List<String> topics, List<InformationType> informationTypes, FeedbackType feedbackType, String reason) {

	public Coding coding() {
		return new Coding(this.topics == null ? List.of() : this.topics,
				this.informationTypes == null ? List.of() : this.informationTypes, this.feedbackType);
	}

}
