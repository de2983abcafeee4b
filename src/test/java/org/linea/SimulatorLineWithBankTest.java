package org.linea;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.linea.access.ApiTokenService;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.channel.simulator.SimulatorMessage;
import org.linea.channel.simulator.SimulatorService;
import org.linea.knowledge.BankFile;
import org.linea.knowledge.KnowledgeService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A fresh organisation with a simulator line whose bank is the validated sample bank, its coordinator
 * signed in, and a phone to write from: the stage for tests of what people are answered.
 */
public abstract class SimulatorLineWithBankTest extends LineaIntegrationTest {

	@Autowired
	protected KnowledgeService knowledge;

	@Autowired
	protected SimulatorService simulator;

	@Autowired
	protected ApiTokenService tokens;

	@LocalServerPort
	protected int port;

	protected Organisation organisation;

	protected Line line;

	protected LineaUser coordinator;

	@BeforeEach
	void lineWithAValidatedBank() throws Exception {
		this.organisation = newOrganisation();
		this.line = newLine(this.organisation);
		this.coordinator = newUser(this.organisation, Role.COORDINATOR);
		signIn(this.coordinator);
		try (InputStream in = SimulatorLineWithBankTest.class.getResourceAsStream("/knowledge/sample-bank.csv")) {
			this.knowledge.importBank(this.line.key(), BankFile.CSV, in, true);
		}
	}

	protected void write(String phone, String text) {
		this.simulator.write(this.line, new SimulatedMessageRequest(phone, text, null));
	}

	/** The phone's thread once at least this many messages reached it. */
	protected List<SimulatorMessage> eventuallyReceived(String phone, int outgoing) {
		eventually(() -> this.simulator.thread(this.line, phone).stream().filter(m -> m.direction().equals("OUT")).count() >= outgoing,
				outgoing + " messages reach the phone");
		return this.simulator.thread(this.line, phone);
	}

	/** The texts the line sent to the phone, oldest first. */
	protected List<String> outgoing(String phone) {
		return this.simulator.thread(this.line, phone).stream().filter(m -> m.direction().equals("OUT")).map(SimulatorMessage::text).toList();
	}

	/**
	 * Writes and waits until the answer to it (whose last message contains {@code expected}) arrives.
	 * @return what the line sent back
	 */
	protected List<String> reply(String phone, String text, String expected) {
		int before = outgoing(phone).size();
		write(phone, text);
		eventually(() -> {
			List<String> out = outgoing(phone);
			return out.size() > before && out.getLast().contains(expected);
		}, "the reply to '" + text + "' ends with '" + expected + "'; got " + outgoing(phone));
		List<String> out = outgoing(phone);
		return out.subList(before, out.size());
	}

}
