package org.linea.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.linea.access.ChannelType;
import org.linea.feedback.LineScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened to the messages Linea sent on a scope's lines in its dates, per channel, from the
 * providers' delivery statuses kept on each outgoing message: sent, delivered, read and failed (by
 * the provider's reason). A read message was also delivered and sent, so each figure includes the
 * ones after it.
 */
@Service
class MessagingFigures {

	private final JdbcClient jdbc;

	MessagingFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @param queued not confirmed sent yet */
	record Channel(long sent, long delivered, long read, long failed, long queued) {

		Channel plus(Channel other) {
			return new Channel(this.sent + other.sent, this.delivered + other.delivered, this.read + other.read,
					this.failed + other.failed, this.queued + other.queued);
		}

	}

	/**
	 * @param byChannel WHATSAPP, SMS or WEB (the simulator)
	 * @param failedByReason the provider's error code, UNKNOWN when it gave none
	 */
	record Counts(Map<String, Channel> byChannel, Map<String, Long> failedByReason) {

		Channel total() {
			return this.byChannel.values().stream().reduce(new Channel(0, 0, 0, 0, 0), Channel::plus);
		}

	}

	@Transactional(readOnly = true)
	Counts of(LineScope scope) {
		Map<String, Channel> byChannel = new TreeMap<>();
		Map<String, Long> reasons = new LinkedHashMap<>();
		this.jdbc.sql("""
				select l.channel_type,
				    count(*) filter (where m.status in ('SENT', 'DELIVERED', 'READ')),
				    count(*) filter (where m.status in ('DELIVERED', 'READ')), count(*) filter (where m.status = 'READ'),
				    count(*) filter (where m.status = 'FAILED'), count(*) filter (where m.status = 'QUEUED')
				from conversation_message m join admin_line l on l.id = m.line_id
				where m.line_id = any(?) and m.direction = 'OUT' and m.created_at >= ? and m.created_at < ?
				group by 1
				""").params(scope.lineIds(), scope.instants()[0], scope.instants()[1])
			.query((rs, row) -> byChannel.merge(ChannelType.valueOf(rs.getString(1)).medium(),
					new Channel(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)), Channel::plus))
			.list();
		this.jdbc.sql("""
				select coalesce(nullif(error_code, ''), 'UNKNOWN'), count(*) from conversation_message
				where line_id = any(?) and direction = 'OUT' and status = 'FAILED' and created_at >= ? and created_at < ?
				group by 1 order by 2 desc, 1
				""").params(scope.lineIds(), scope.instants()[0], scope.instants()[1])
			.query((rs, row) -> reasons.put(rs.getString(1), rs.getLong(2)))
			.list();
		return new Counts(byChannel, reasons);
	}

}
