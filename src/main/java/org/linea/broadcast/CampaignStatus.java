package org.linea.broadcast;

/** Where a broadcast is: DRAFT → (SCHEDULED →) RUNNING ⇄ PAUSED → COMPLETED, or CANCELLED from any but the last. */
public enum CampaignStatus {

	DRAFT, SCHEDULED, RUNNING, PAUSED, COMPLETED, CANCELLED;

	public boolean finished() {
		return this == COMPLETED || this == CANCELLED;
	}

}
