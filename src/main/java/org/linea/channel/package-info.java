/**
 * WhatsApp Cloud API, Twilio (SMS and WhatsApp) and the built-in simulator: webhooks verified and stored
 * before they are acknowledged, the outbox that sends each message once, media, delivery statuses, reply
 * windows.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package org.linea.channel;
