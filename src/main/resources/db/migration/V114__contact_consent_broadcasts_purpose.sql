-- contact: the closing flow recorded consent to information messages as INFO_BROADCASTS; broadcasts'
-- audiences read the purpose BROADCASTS. One name for one consent.
update contact_consent_event set purpose = 'BROADCASTS' where purpose = 'INFO_BROADCASTS';
