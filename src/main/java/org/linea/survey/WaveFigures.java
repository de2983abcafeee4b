package org.linea.survey;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How a wave went.
 *
 * @param responded invited people who answered at least one question
 * @param messagesSent messages the survey sent in the wave (invitations, questions, re-asks, reminders)
 * @param costPerComplete the estimated cost of the messages sent divided by completed surveys, null with none
 */
public record WaveFigures(int number, Instant startedAt, int invited, int responded, int completed, int messagesSent,
		BigDecimal estimatedCost, BigDecimal costPerComplete, String currency) {

	public double responseRate() {
		return this.invited == 0 ? 0 : (double) this.responded / this.invited;
	}

	public double completionRate() {
		return this.invited == 0 ? 0 : (double) this.completed / this.invited;
	}

}
