/**
 * XLSForm surveys over WhatsApp and SMS, their invitations, waves and results, and the closing questions of
 * each interaction, which the same engine runs from a built-in form (survey/closing.xlsx).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package org.linea.survey;
