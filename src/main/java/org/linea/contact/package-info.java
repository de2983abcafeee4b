/**
 * The people who write in, known by a pseudonymous code: encrypted numbers and business-scoped ids, the
 * consent ledger, demographics they chose to give, shared phones, opt-outs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contacts")
package org.linea.contact;
