/**
 * Signed, retried outgoing webhooks to the URLs an organisation configures (message in, conversation closed,
 * feedback coded, case opened).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integrations")
package org.linea.integration;
