package org.linea.channel;

import org.springframework.context.ApplicationContext;

/** For tests of other packages: stops the outbox dead, as a killed node would, and starts it again. */
public final class OutboxSwitch {

	private OutboxSwitch() {
	}

	public static void halt(ApplicationContext context) {
		context.getBean(DrainOutbox.class).halt();
	}

	public static void resume(ApplicationContext context) {
		context.getBean(DrainOutbox.class).resume();
	}

}
