package org.linea.channel;

import java.time.Duration;

/**
 * What a provider allows, declared once by its adapter.
 *
 * @param replyWindow how long after the person's last message free-form replies are allowed; null when
 * there is no such rule
 * @param defaultRate messages per second a new line may send
 * @param maxTextLength the longest text one message may carry; longer answers are split
 * @param sms whether texts travel as SMS, so they are counted in GSM-7 / UCS-2 segments
 */
public record ChannelFacts(Duration replyWindow, double defaultRate, int maxTextLength, boolean sms) {
}
