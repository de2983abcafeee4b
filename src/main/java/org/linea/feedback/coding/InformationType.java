package org.linea.feedback.coding;

/** What the line gave the person in an interaction. */
public enum InformationType {

	GENERAL_INFORMATION, HEALTH_INFORMATION, PSYCHOSOCIAL_SUPPORT, PROGRAMME_INFORMATION, MIGRATION_INFORMATION, REFERRAL,
	NONE

}
