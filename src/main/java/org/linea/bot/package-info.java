/**
 * The automatic answer: decides, for a message in, between a bank answer, a menu, a handover and a
 * safeguarding route, logs each decision and the review of unanswered and wrong answers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bot")
package org.linea.bot;
