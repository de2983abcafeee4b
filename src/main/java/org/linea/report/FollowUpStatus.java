package org.linea.report;

/** What became of a decision the week after it was taken. */
enum FollowUpStatus {
	PENDING, IN_PROGRESS, DONE, DROPPED
}
