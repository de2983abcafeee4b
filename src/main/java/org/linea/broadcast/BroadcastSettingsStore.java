package org.linea.broadcast;

import java.sql.Time;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.linea.access.Permission;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.channel.ChannelService;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.Messages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each line's broadcast rules; a line that never set them has no quiet hours, 3 a week and, on WhatsApp, the first tier.
 * Coordinators read and change them by line key ({@link #get}, {@link #update}); the sender reads them by line.
 */
@Component
class BroadcastSettingsStore {

	/** The most broadcasts a line may send one person in a week: more is not a feedback line any more. */
	static final int MAX_WEEKLY_CAP = 21;

	private final JdbcClient jdbc;

	private final ChannelService channels;

	private final LineService lines;

	private final Messages messages;

	BroadcastSettingsStore(JdbcClient jdbc, ChannelService channels, LineService lines, Messages messages) {
		this.jdbc = jdbc;
		this.channels = channels;
		this.lines = lines;
		this.messages = messages;
	}

	/** The line's rules as the API and the settings page show them. */
	@Transactional(readOnly = true)
	public BroadcastSettingsView get(String lineKey) {
		Line line = this.lines.requireAccess(lineKey, Permission.BROADCAST_SEND);
		return BroadcastSettingsView.of(line, of(line), this.channels.replyWindowLength(line) != null);
	}

	/**
	 * Replaces the line's rules; every problem of the request is reported at once, in the language of the request,
	 * and nothing is changed when there is one.
	 */
	@Transactional
	public BroadcastSettingsView update(String lineKey, BroadcastSettingsRequest request) {
		Line line = this.lines.requireAccess(lineKey, Permission.BROADCAST_SEND);
		List<String> problems = new ArrayList<>();
		LocalTime from = time(request.quietFrom(), "broadcast.settings.error.quietFrom", problems);
		LocalTime until = time(request.quietUntil(), "broadcast.settings.error.quietUntil", problems);
		if (problems.isEmpty() && (from == null) != (until == null)) {
			problems.add(this.messages.get("broadcast.settings.error.quietBoth"));
		}
		if (from != null && from.equals(until)) {
			problems.add(this.messages.get("broadcast.settings.error.quietSame"));
		}
		if (request.weeklyCap() == null || request.weeklyCap() < 1 || request.weeklyCap() > MAX_WEEKLY_CAP) {
			problems.add(this.messages.get("broadcast.settings.error.weeklyCap", MAX_WEEKLY_CAP));
		}
		if (request.dailyLimit() != null && request.dailyLimit() < 1) {
			problems.add(this.messages.get("broadcast.settings.error.dailyLimit"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException("error.form.invalid", String.join(" ", problems));
		}
		save(line, new BroadcastSettings(from, until, request.weeklyCap(), request.dailyLimit()));
		return BroadcastSettingsView.of(line, of(line), this.channels.replyWindowLength(line) != null);
	}

	private LocalTime time(String value, String error, List<String> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalTime.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(this.messages.get(error, value.strip()));
			return null;
		}
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
			throw new InvalidRequestException("error.broadcast.weekly-cap-daily-limit");
		}
		if ((settings.quietFrom() == null) != (settings.quietUntil() == null)) {
			throw new InvalidRequestException("error.broadcast.quiet-hours-both-start");
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
