package org.linea.survey;

import java.util.Locale;
import java.util.Map;

import org.linea.access.LineService;
import org.linea.contact.ConsentEvent;
import org.linea.contact.ContactService;
import org.linea.contact.Demographic;
import org.linea.contact.PhoneUse;
import org.linea.contact.SharedPhones;
import org.linea.survey.ClosingFlow.ActiveFlow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where each answer to the closing questions lands, by the question's name in the closing form:
 * satisfaction on the flow (the feedback log and the reports read it there), consent per purpose in
 * the contact's ledger with the form's version as the wording, demographics with the consent they
 * were given under, and the phone's use on the contact.
 */
@Component
class ClosingLedger {

	/** The consent questions and the purpose each asks for. */
	static final Map<String, String> CONSENTS = Map.of("consent_demographics", "DEMOGRAPHICS", "consent_info_broadcasts", "BROADCASTS",
			"consent_surveys", "SURVEYS");

	static final String SOURCE = "closing-flow";

	private final JdbcClient jdbc;

	private final ContactService contacts;

	private final SharedPhones sharedPhones;

	private final LineService lines;

	ClosingLedger(JdbcClient jdbc, ContactService contacts, SharedPhones sharedPhones, LineService lines) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.sharedPhones = sharedPhones;
		this.lines = lines;
	}

	/** Records the answer (a choice name, or the text of a text question) where the rest of Linea reads it. */
	void record(ActiveFlow flow, String question, String value, String wordingVersion) {
		String purpose = CONSENTS.get(question);
		if (purpose != null) {
			long consentId = this.contacts.recordConsent(flow.contactId(), flow.conversationId(), purpose,
					value.equals("YES") ? ConsentEvent.GIVEN : ConsentEvent.REFUSED, wordingVersion, SOURCE);
			if (purpose.equals("DEMOGRAPHICS")) {
				this.jdbc.sql("update bot_closing_flow set demographics_consent_id = ? where id = ?").params(consentId, flow.id()).update();
			}
			return;
		}
		switch (question) {
			case "satisfaction" -> this.jdbc.sql("update bot_closing_flow set satisfaction = ? where id = ?")
				.params(Integer.parseInt(value), flow.id()).update();
			case "shared_phone" -> this.sharedPhones.mark(flow.contactId(), PhoneUse.valueOf(value), SharedPhones.Source.PERSON,
					this.lines.get(flow.lineId()).organisationId(), "closing flow of conversation " + flow.conversationId());
			default -> demographic(question).ifPresent(field -> {
				// demographics are kept only under the consent given in this flow
				Long consentId = this.jdbc.sql("select demographics_consent_id from bot_closing_flow where id = ?").param(flow.id())
					.query(Long.class).single();
				if (consentId != null) {
					this.contacts.saveDemographic(flow.contactId(), flow.conversationId(), field, value, consentId);
				}
			});
		}
	}

	/** The consent question was put to the person: an ASKED event in the ledger. */
	void asked(ActiveFlow flow, String question, String wordingVersion) {
		String purpose = CONSENTS.get(question);
		if (purpose != null) {
			this.contacts.recordConsent(flow.contactId(), flow.conversationId(), purpose, ConsentEvent.ASKED, wordingVersion, SOURCE);
		}
	}

	private static java.util.Optional<Demographic> demographic(String question) {
		try {
			return java.util.Optional.of(Demographic.valueOf(question.toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

}
