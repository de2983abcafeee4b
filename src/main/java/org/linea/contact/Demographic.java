package org.linea.contact;

/** The demographic questions a person may answer, with consent, for disaggregated reports. */
public enum Demographic {

	GENDER("gender"), AGE_RANGE("age_range"), LOCATION("location"), MIGRANT_STATUS("migrant_status");

	private final String column;

	Demographic(String column) {
		this.column = column;
	}

	String column() {
		return this.column;
	}

}
