/**
 * The operators' live inbox: queues, claims and assignment (no two answer the same person), teams,
 * traffic-light triage, notes and mentions, referrals to specialists, closing an interaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbox")
package org.linea.inbox;
