package org.linea.channel.simulator;

import java.util.Set;

import org.linea.access.Line;
import org.linea.channel.ChannelAdapter;
import org.linea.channel.ChannelFacts;
import org.linea.access.ChannelType;
import org.linea.channel.DeliveryStatus;
import org.linea.channel.SendResult;

import org.springframework.stereotype.Component;

/** The built-in channel: "sending" puts the message on the simulated phone, which has it at once. */
@Component
class SimulatorChannel implements ChannelAdapter {

	private final SimulatorService simulator;

	SimulatorChannel(SimulatorService simulator) {
		this.simulator = simulator;
	}

	@Override
	public Set<ChannelType> types() {
		return Set.of(ChannelType.SIMULATOR);
	}

	/** No window, no meaningful rate limit, and the longest text the simulated phone takes. */
	@Override
	public ChannelFacts facts(ChannelType type) {
		return new ChannelFacts(null, 1000, 4096, false);
	}

	@Override
	public SendResult send(Line line, Delivery delivery) {
		// the reference is the same on every retry, so a resent message shows once on the phone
		String providerId = "sim-out-" + delivery.reference();
		this.simulator.deliver(line, providerId, delivery.to(), delivery.content().preview());
		return new SendResult.Accepted(providerId, DeliveryStatus.DELIVERED);
	}

}
