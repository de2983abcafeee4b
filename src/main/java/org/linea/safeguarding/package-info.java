/**
 * Detection of reports of abuse, exploitation, fraud and risk to life, restricted cases for the
 * organisation's focal points, alerts and escalation, the referral pathway.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safeguarding")
package org.linea.safeguarding;
