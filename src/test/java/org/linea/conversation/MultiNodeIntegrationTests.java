package org.linea.conversation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.Line;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorService;
import org.linea.shared.events.ClusterNotification;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Two application nodes on one database, as in production behind a load balancer. */
class MultiNodeIntegrationTests extends LineaIntegrationTest {

	@Autowired
	SimulatorService simulator;

	@Test
	void aMessageTakenOnOneNodeIsAnnouncedToTheInboxesOfTheOtherNode() {
		List<ClusterNotification> heardOnB = new CopyOnWriteArrayList<>();
		try (ConfigurableApplicationContext nodeB = SecondNode.start()) {
			nodeB.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
				if (event.getPayload() instanceof ClusterNotification notification) {
					heardOnB.add(notification);
				}
			});
			Line line = newLine(newOrganisation());

			this.simulator.write(line, new SimulatedMessageRequest(randomPhone(), "hola", null));

			eventually(() -> heardOnB.stream().anyMatch(n -> n.payload().startsWith(line.id() + ":") && n.payload().endsWith(":QUEUED")),
					"node B heard that the conversation joined the queue");
			assertThat(heardOnB).allSatisfy(n -> assertThat(n.channel()).isEqualTo("linea_inbox"));
		}
	}

	@Test
	void aMessageStoredByANodeThatDiesBeforeProcessingIsProcessedAfterwards() {
		Line line = newLine(newOrganisation());
		String number = randomPhone();
		try (ConfigurableApplicationContext crashing = SecondNode.start("linea.pipeline.enabled=false")) {
			crashing.getBean(SimulatorService.class).write(line, new SimulatedMessageRequest(number, "hola", null));
		}
		// acknowledged means stored: the message is in the database even though its node is gone
		assertThat(this.jdbc.sql("select count(*) from channel_inbound_message where line_id = ?").param(line.id())
			.query(Long.class).single()).isEqualTo(1);

		eventually(() -> this.jdbc.sql("select count(*) from channel_inbound_message where line_id = ? and processed_at is not null")
			.param(line.id()).query(Long.class).single() == 1, "the surviving node processed the message");
		eventually(() -> this.simulator.thread(line, number).size() == 3, "and the person got the replies");
	}

}
