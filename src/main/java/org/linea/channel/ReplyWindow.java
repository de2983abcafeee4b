package org.linea.channel;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether free-form messages may be sent to a person now (WhatsApp's customer-service window).
 *
 * @param applies false on channels without such a window (SMS, simulator): then it is always open
 * @param closesAt when the window closes, null if the person never wrote or it does not apply
 */
public record ReplyWindow(boolean applies, Instant closesAt, Instant now) {

	public boolean open() {
		return openFor(Duration.ZERO);
	}

	/** Whether it is still open this long from now (a broadcast keeps a margin for the send to arrive in time). */
	public boolean openFor(Duration margin) {
		return !this.applies || (this.closesAt != null && this.closesAt.minus(margin).isAfter(this.now));
	}

}
