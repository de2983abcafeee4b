package org.linea.channel.simulator;

import org.linea.admin.Line;
import org.linea.channel.ChannelAdapter;
import org.linea.channel.ChannelType;
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
	public ChannelType type() {
		return ChannelType.SIMULATOR;
	}

	@Override
	public SendResult send(Line line, Delivery delivery) {
		String providerId = "sim-out-" + delivery.idempotencyKey();
		this.simulator.deliver(line, providerId, delivery.to(), delivery.body());
		return new SendResult.Accepted(providerId, DeliveryStatus.DELIVERED);
	}

}
