/**
 * XLSForm surveys over WhatsApp and SMS, their invitations, waves and results, and the closing questions of
 * each interaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package org.linea.survey;
