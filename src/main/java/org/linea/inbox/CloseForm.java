package org.linea.inbox;

import java.util.List;

import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.coding.InformationType;

/** The coding an operator gives an interaction when closing it. */
record CloseForm(List<String> topics, List<InformationType> informationTypes, FeedbackType feedbackType) {

	Coding coding() {
		return new Coding(this.topics == null ? List.of() : this.topics,
				this.informationTypes == null ? List.of() : this.informationTypes, this.feedbackType);
	}

}
