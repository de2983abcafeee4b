package org.linea.feedback.rumour;

import java.util.Set;

/**
 * Where a group of rumours is: NEW when first flagged, VERIFYING while the facts are checked, ANSWERED
 * once a validated counter-message is chosen, CLOSED when it needs no more work. A closed rumour can
 * be reopened for verification; an answered one can go back to verifying.
 */
public enum RumourStatus {

	NEW, VERIFYING, ANSWERED, CLOSED;

	boolean canMoveTo(RumourStatus next) {
		return switch (this) {
			case NEW -> Set.of(VERIFYING, ANSWERED, CLOSED).contains(next);
			case VERIFYING -> Set.of(ANSWERED, CLOSED).contains(next);
			case ANSWERED -> Set.of(VERIFYING, CLOSED).contains(next);
			case CLOSED -> next == VERIFYING;
		};
	}

}
