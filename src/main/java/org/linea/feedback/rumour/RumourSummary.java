package org.linea.feedback.rumour;

import java.util.List;

/**
 * A group of alike rumours as the rumours page lists it.
 *
 * @param counterEntryKey the knowledge-bank entry that answers it, null until chosen
 * @param lastWeek reports in the last 7 days
 * @param weekBefore reports in the 7 days before those
 * @param lines names of the lines its reports came from
 * @param places places the people who raised it consented to give
 */
public record RumourSummary(long id, String title, RumourStatus status, String counterEntryKey, long reports, long lastWeek,
		long weekBefore, List<String> lines, List<String> places) {

	/** More reports in the last 7 days than in the 7 before. */
	public boolean rising() {
		return this.lastWeek > this.weekBefore;
	}

}
