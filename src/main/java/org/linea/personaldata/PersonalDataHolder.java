package org.linea.personaldata;

import java.util.Map;

/**
 * A module that keeps data about one person: it answers a data-subject request for its own tables
 * (what it holds, for the export; erasing it, for an erasure). The privacy module only collects.
 */
public interface PersonalDataHolder {

	/** The section of the export this fills, e.g. {@code messages}. */
	String section();

	/** What the module holds about the person, as JSON-ready values (maps, lists, strings, numbers). */
	Object export(DataSubject subject);

	/** Erases the person's data in the caller's transaction; returns counts by data type. */
	Map<String, Integer> erase(DataSubject subject);

	/**
	 * When this holder erases: lower first. The contact's identifiers go last ({@code 100}), because the
	 * others find the person's rows by them.
	 */
	default int order() {
		return 0;
	}

}
