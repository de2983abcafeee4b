package org.linea.report;

/** The programme a recipient of the weekly report is focal point for. */
enum Programme {
	HEALTH, PSS, CTP, MIGRATION, OTHER
}
