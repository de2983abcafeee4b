package org.linea.report;

import org.linea.feedback.log.FeedbackFigures;
import org.linea.feedback.Figures;
import org.linea.feedback.LineScope;
import org.linea.feedback.rumour.RumourFigures;
import org.linea.report.SafeguardingFigures;

import org.springframework.stereotype.Service;

/**
 * Every figure of a scope in one place: the dashboard and the weekly report (page, PDF, .xlsx and
 * the Monday email) read them from here, so they cannot disagree.
 */
@Service
class ReportFigures {

	static final int TOP_RUMOURS = 5;

	private final FeedbackFigures feedback;

	private final RumourFigures rumours;

	private final SafeguardingFigures safeguarding;

	private final MessagingFigures messaging;

	private final WorkloadFigures workload;

	ReportFigures(FeedbackFigures feedback, RumourFigures rumours, SafeguardingFigures safeguarding, MessagingFigures messaging,
			WorkloadFigures workload) {
		this.feedback = feedback;
		this.rumours = rumours;
		this.safeguarding = safeguarding;
		this.messaging = messaging;
		this.workload = workload;
	}

	/** A scope's figures: its feedback log, rumours, safeguarding counts, messages sent and who answered. */
	record Scoped(LineScope scope, Figures feedback, RumourFigures.Counts rumours, SafeguardingFigures.CaseCounts safeguarding,
			MessagingFigures.Counts messaging, WorkloadFigures.Workload workload) {
	}

	Scoped of(LineScope scope) {
		return new Scoped(scope, this.feedback.of(scope), this.rumours.of(scope, TOP_RUMOURS), this.safeguarding.of(scope),
				this.messaging.of(scope), this.workload.of(scope));
	}

}
