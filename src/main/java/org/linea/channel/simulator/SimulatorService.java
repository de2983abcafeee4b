package org.linea.channel.simulator;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.linea.access.Permission;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.channel.ChannelService;
import org.linea.access.ChannelType;
import org.linea.channel.DeliveryReport;
import org.linea.channel.DeliveryStatus;
import org.linea.channel.InboundMessage;
import org.linea.channel.ReceiveResult;
import org.linea.contact.ContactService;
import org.linea.contact.PhoneNumbers;
import org.linea.shared.InvalidRequestException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The simulated phones of a simulator line: a person "writes" here, Linea receives it exactly as from
 * a provider, and what Linea sends lands back on the phone.
 */
@Service
public class SimulatorService {


	private final JdbcClient jdbc;

	private final LineService lines;

	private final ChannelService channels;

	private final ContactService contacts;

	private final JsonMapper json;

	private final Clock clock;

	SimulatorService(JdbcClient jdbc, LineService lines, ChannelService channels, ContactService contacts, JsonMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.lines = lines;
		this.channels = channels;
		this.contacts = contacts;
		this.json = json;
		this.clock = clock;
	}

	/** The simulator line with this key, if the current user may use it. */
	public Line requireLine(String lineKey) {
		Line line = this.lines.requireAccess(lineKey, Permission.SIMULATOR_USE);
		if (line.channelType() != ChannelType.SIMULATOR) {
			throw new InvalidRequestException("error.channel.line-runs-simulator-only", lineKey, line.channelType());
		}
		return line;
	}

	@Transactional
	public ReceiveResult write(Line line, SimulatedMessageRequest request) {
		InboundMessage message = SimulatorInbound.message(request, Instant.now(this.clock));
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("id", message.providerMessageId());
		payload.put("from", message.from());
		payload.put("text", request.text());
		ReceiveResult result = this.channels.receive(line, message, this.json.writeValueAsString(payload), "application/json");
		if (!result.duplicate()) {
			this.jdbc.sql("""
					insert into channel_simulator_message (line_id, phone_hash, direction, provider_message_id, body, status)
					values (?, ?, 'FROM_PERSON', ?, ?, 'RECEIVED') on conflict do nothing
					""").params(line.id(), this.contacts.phoneHash(message.from()), message.providerMessageId(), message.text()).update();
		}
		return result;
	}

	/** The keyed hash Linea files this simulated number under. */
	public byte[] phoneHashOf(String phone) {
		return this.contacts.phoneHash(PhoneNumbers.normalise(phone));
	}

	/** What the phone shows, oldest first. */
	@Transactional(readOnly = true)
	public List<SimulatorMessage> thread(Line line, String phone) {
		return this.jdbc.sql("""
				select m.provider_message_id as id, case m.direction when 'FROM_PERSON' then 'IN' else 'OUT' end as direction,
				       m.body as text, m.status, m.created_at as at
				from channel_simulator_message m where m.line_id = ? and m.phone_hash = ? order by m.id
				""").params(line.id(), this.contacts.phoneHash(PhoneNumbers.normalise(phone))).query(SimulatorMessage.class).list();
	}

	/** The person opened the chat: what Linea sent is now read, and Linea is told so. */
	@Transactional
	public void read(Line line, String phone) {
		List<String> read = this.jdbc.sql("""
				update channel_simulator_message set status = 'READ'
				where line_id = ? and phone_hash = ? and direction = 'TO_PERSON' and status = 'DELIVERED'
				returning provider_message_id
				""").params(line.id(), this.contacts.phoneHash(PhoneNumbers.normalise(phone))).query(String.class).list();
		Instant now = Instant.now(this.clock);
		read.forEach(id -> this.channels.recordStatus(line, new DeliveryReport(id, null, DeliveryStatus.READ, now, null)));
	}

	/** The phone receives a message from Linea; a repeated delivery of the same message shows once. */
	@Transactional
	void deliver(Line line, String providerId, String to, String body) {
		this.jdbc.sql("""
				insert into channel_simulator_message (line_id, phone_hash, direction, provider_message_id, body, status, created_at)
				values (?, ?, 'TO_PERSON', ?, ?, 'DELIVERED', ?) on conflict do nothing
				""").params(line.id(), this.contacts.phoneHash(to), providerId, body, Timestamp.from(Instant.now(this.clock))).update();
	}

}
