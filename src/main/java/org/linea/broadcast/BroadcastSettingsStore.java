package org.linea.broadcast;

import java.sql.Time;

import org.linea.access.Line;
import org.linea.channel.ChannelService;
import org.linea.shared.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Each line's broadcast rules; a line that never set them has no quiet hours, 3 a week and, on WhatsApp, the first tier. */
@Component
class BroadcastSettingsStore {

	private final JdbcClient jdbc;

	private final ChannelService channels;

	BroadcastSettingsStore(JdbcClient jdbc, ChannelService channels) {
		this.jdbc = jdbc;
		this.channels = channels;
	}

	@Transactional(readOnly = true)
	BroadcastSettings of(Line line) {
		Integer tier = this.channels.replyWindowLength(line) != null ? BroadcastSettings.FIRST_TIER : null;
		return this.jdbc.sql("select quiet_from, quiet_until, weekly_cap, daily_limit from broadcast_line_settings where line_id = ?")
			.param(line.id())
			.query((rs, row) -> new BroadcastSettings(rs.getTime(1) == null ? null : rs.getTime(1).toLocalTime(),
					rs.getTime(2) == null ? null : rs.getTime(2).toLocalTime(), rs.getInt(3),
					rs.getObject(4) == null ? null : rs.getInt(4)))
			.optional()
			.orElse(new BroadcastSettings(null, null, BroadcastSettings.DEFAULT_WEEKLY_CAP, tier));
	}

	@Transactional
	void save(Line line, BroadcastSettings settings) {
		if (settings.weeklyCap() < 1 || (settings.dailyLimit() != null && settings.dailyLimit() < 1)) {
			throw new InvalidRequestException("The weekly cap and the daily limit are 1 or more");
		}
		if ((settings.quietFrom() == null) != (settings.quietUntil() == null)) {
			throw new InvalidRequestException("Quiet hours need both a start and an end");
		}
		this.jdbc.sql("""
				insert into broadcast_line_settings (line_id, quiet_from, quiet_until, weekly_cap, daily_limit) values (?, ?, ?, ?, ?)
				on conflict (line_id) do update set quiet_from = excluded.quiet_from, quiet_until = excluded.quiet_until,
				    weekly_cap = excluded.weekly_cap, daily_limit = excluded.daily_limit
				""")
			.params(line.id(), settings.quietFrom() == null ? null : Time.valueOf(settings.quietFrom()),
					settings.quietUntil() == null ? null : Time.valueOf(settings.quietUntil()), settings.weeklyCap(), settings.dailyLimit())
			.update();
	}

}
