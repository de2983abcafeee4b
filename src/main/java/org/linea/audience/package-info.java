/**
 * Who may be written to first: audiences drawn from the consent ledger and narrowed by line, language, tags,
 * location, demographics and last contact; imports of people with their consent evidence.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audiences")
package org.linea.audience;
