/**
 * Authenticator (TOTP) enrolment, recovery codes, the second step at sign-in and re-authentication for
 * sensitive actions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Second factor")
package org.linea.mfa;
