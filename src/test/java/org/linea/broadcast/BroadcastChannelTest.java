package org.linea.broadcast;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.audience.ContactImport;
import org.linea.channel.ChannelIntegrationTest;
import org.linea.knowledge.BankFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** Broadcasts against the fake providers: a coordinator of the line and people imported with consent to broadcasts. */
abstract class BroadcastChannelTest extends ChannelIntegrationTest {

	@Autowired
	protected ContactImport imports;

	protected LineaUser coordinatorOf(Line line) {
		long id = this.users.create(unique("coordinator"), "Coordinator", "a-long-test-password");
		this.users.grant(id, line.organisationId(), Role.COORDINATOR);
		return this.users.findById(id).orElseThrow();
	}

	/** Imports these phones in Spanish with consent to broadcasts, as the coordinator. */
	protected void importPeople(Line line, LineaUser coordinator, String... phones) {
		StringBuilder csv = new StringBuilder("phone,language,consent\n");
		for (String phone : phones) {
			csv.append(phone).append(",es,BROADCASTS\n");
		}
		signIn(coordinator);
		try {
			this.imports.importFile(line.key(), BankFile.CSV, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
					"people.csv", "registro", "v1", null);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
