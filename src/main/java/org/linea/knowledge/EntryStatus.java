package org.linea.knowledge;

/** Where an entry is in review. Only validated entries are sent to people. */
public enum EntryStatus {

	DRAFT, VALIDATED, RETIRED

}
