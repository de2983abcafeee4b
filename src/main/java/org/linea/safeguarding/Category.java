package org.linea.safeguarding;

/** What a safeguarding report is about (IFRC categories; the category follows who did it). */
public enum Category {

	/** sexual exploitation or abuse by staff, volunteers or partners; sex for aid */
	SEA,
	/** money, bribes, PINs, codes or a share of the transfer asked by someone from (or claiming to be from) the organisation */
	FRAUD,
	/** gender-based violence: a partner, an ex, sexual violence */
	GBV,
	/** a child abused, neglected, abandoned or exploited */
	CHILD,
	/** documents taken, locked in, forced work or sex, debt bondage, smugglers holding people */
	TRAFFICKING,
	/** self-harm or suicidal thoughts, plans or acts */
	SELF_HARM,
	/** other staff misconduct: threats of removal, discrimination, harassment, breaches of confidentiality */
	CONDUCT;

	/** Reports against the organisation's own people go to its investigation focal point, not to their team. */
	public boolean againstStaff() {
		return this == SEA || this == FRAUD || this == CONDUCT;
	}

}
