package org.linea.personaldata;

import java.time.Instant;

/**
 * A kind of personal data a module keeps, which the retention run and "purge now" erase. Each module
 * implements this for its own tables; the privacy module never touches them itself. Several targets
 * may share a data type (message texts live in several modules): their counts add up.
 */
public interface RetentionTarget {

	/** The data type this erases, one of {@link DataTypes} or a module's own (lower case, underscores). */
	String dataType();

	/** How many items of the line older than {@code before} would be erased. */
	int count(long lineId, Instant before);

	/** Erases the line's items older than {@code before}, in the caller's transaction; returns how many. */
	int erase(long lineId, Instant before);

}
