/**
 * Interactions and their messages: open and closed, sending through the channel, the message timeline.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversations")
package org.linea.conversation;
