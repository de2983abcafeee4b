/**
 * Campaigns and schedules sent to audiences at the line's rate, within the channel's rules and each person's
 * consent and caps, crash-safe.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Broadcasts")
package org.linea.broadcast;
