/**
 * A line's exit strategy: closing it sends a last message with alternative contacts to everyone who wrote in
 * lately (a broadcast), then anyone writing in is answered with the referral instead of the bot or the inbox.
 * The line's data keeps following its retention periods.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Line closure")
package org.linea.closure;
