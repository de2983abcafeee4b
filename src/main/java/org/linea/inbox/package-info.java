/**
 * The operators' live inbox: queues, claims and assignment (no two answer the same person), teams,
 * traffic-light triage, notes and mentions, referrals to specialists, closing an interaction.
 * <p>
 * One service per job, each checking the current user's access to the conversation
 * ({@link org.linea.inbox.InboxAccess}) at its entry points: {@link org.linea.inbox.InboxQueue}
 * (queues), {@link org.linea.inbox.ConversationPage} (opening one), {@link org.linea.inbox.Claims},
 * {@link org.linea.inbox.Replies}, {@link org.linea.inbox.NotesAndMentions},
 * {@link org.linea.inbox.ConversationActions} (triage, tags, escalation), {@link org.linea.inbox.Referrals}
 * ({@code inbox_referral}), {@link org.linea.inbox.ContactDetails} (reveal, phone use) and
 * {@link org.linea.inbox.Closing}. Their state writes go through {@link org.linea.inbox.InboxState}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbox")
package org.linea.inbox;
