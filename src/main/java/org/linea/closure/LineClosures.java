package org.linea.closure;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.linea.access.AuditLog;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.LineaUser;
import org.linea.access.Permission;
import org.linea.broadcast.BroadcastMessage;
import org.linea.broadcast.BroadcastService;
import org.linea.broadcast.CampaignKind;
import org.linea.knowledge.Answer;
import org.linea.knowledge.EntryKind;
import org.linea.knowledge.KnowledgeEntry;
import org.linea.knowledge.KnowledgeService;
import org.linea.shared.Messages;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes lines. The last message is a service message about the line itself, not a broadcast of
 * information: it goes to everyone who wrote in within the chosen days without asking for their
 * BROADCASTS consent, but never to someone who opted out (STOP) or was erased; WhatsApp's rules apply
 * (free text inside the 24-hour window, the approved template outside it, else SKIPPED_WINDOW_CLOSED).
 * Once closed, {@link #referral} gives what the pipeline answers anyone writing in.
 */
@Service
public class LineClosures {

	static final int MAX_ALTERNATIVES = 1000;

	private final JdbcClient jdbc;

	private final LineService lines;

	private final BroadcastService broadcasts;

	private final KnowledgeService knowledge;

	private final MessageSource messages;

	private final AuditLog audit;

	private final Messages refusals;

	private final JsonMapper json;

	private final Clock clock;

	LineClosures(JdbcClient jdbc, LineService lines, BroadcastService broadcasts, KnowledgeService knowledge, MessageSource messages,
			AuditLog audit, Messages refusals, JsonMapper json, Clock clock) {
		this.refusals = refusals;
		this.jdbc = jdbc;
		this.lines = lines;
		this.broadcasts = broadcasts;
		this.knowledge = knowledge;
		this.messages = messages;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** Schedules the line's closure and sends its last message to everyone who wrote in within {@code activeDays}. */
	@Transactional
	public Closure close(String lineKey, ClosureRequest request) {
		Line line = this.lines.requireAccess(lineKey, Permission.LINE_CLOSE);
		if (request == null) {
			throw this.refusals.invalid("closure.invalid.message");
		}
		this.jdbc.sql("select id from admin_line where id = ? for update").param(line.id()).query(Long.class).single();
		if (find(line).isPresent()) {
			throw this.refusals.invalid("closure.invalid.already");
		}
		String alternatives = request.alternatives() == null ? "" : request.alternatives().strip();
		if (alternatives.isEmpty() || alternatives.length() > MAX_ALTERNATIVES) {
			throw this.refusals.invalid("closure.invalid.alternatives");
		}
		if (request.activeDays() == null || request.activeDays() < 1 || request.activeDays() > 3650) {
			throw this.refusals.invalid("closure.invalid.activeDays");
		}
		Instant now = Instant.now(this.clock);
		Instant closesAt = request.closesAt() == null || request.closesAt().isBefore(now) ? now : request.closesAt();
		Map<String, String> texts = lastMessage(line, request.message(), alternatives);
		Map<String, String> referral = referralTexts(line, request.referral());
		List<Long> recent = this.jdbc.sql("""
				select distinct contact_id from conversation_conversation
				where line_id = ? and last_inbound_at >= now() - make_interval(days => ?)
				""").params(line.id(), request.activeDays()).query(Long.class).list();
		BroadcastService.Listed listed = this.broadcasts.createListed(line, CampaignKind.CLOSURE,
				this.messages.getMessage("closure.broadcastName", new Object[] { line.name() }, line.defaultLocale()),
				new BroadcastMessage(null, request.template(), null, texts), recent, null);
		Long closedBy = CurrentUser.find().map(LineaUser::id).orElse(null);
		String entryKey = request.message() instanceof String key ? key.strip() : null;
		this.jdbc.sql("""
				insert into closure_line_closure (line_id, texts, entry_key, alternatives, active_days, closes_at, broadcast_id, recipients, closed_by, referral)
				values (?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
				""").params(line.id(), entryKey == null ? this.json.writeValueAsString(request.message()) : null, entryKey, alternatives,
				request.activeDays(), Timestamp.from(closesAt), listed.id(), listed.recipients(), closedBy,
				referral.isEmpty() ? null : this.json.writeValueAsString(referral)).update();
		this.lines.closeAt(line.id(), closesAt);
		this.audit.record(line.organisationId(), "LINE_CLOSED", "line", line.key(),
				Map.of("closesAt", closesAt.toString(), "activeDays", request.activeDays(), "broadcast", listed.id(),
						"recipients", listed.recipients()));
		return find(this.lines.get(line.id())).orElseThrow();
	}

	/**
	 * Calls the closure off: the line answers people again from now, the last message stops going out to
	 * those it has not reached yet (who already got it are told nothing by Linea: a new broadcast is the
	 * organisation's call), and the closure is kept in the line's history.
	 */
	@Transactional
	public Closure reopen(String lineKey) {
		Line line = this.lines.requireAccess(lineKey, Permission.LINE_CLOSE);
		this.jdbc.sql("select id from admin_line where id = ? for update").param(line.id()).query(Long.class).single();
		record Held(long broadcast, Instant closesAt) {
		}
		Held held = this.jdbc.sql("select broadcast_id, closes_at from closure_line_closure where line_id = ?")
			.param(line.id())
			.query((rs, row) -> new Held(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.optional()
			.orElseThrow(() -> this.refusals.invalid("closure.invalid.none"));
		this.broadcasts.cancelUnlessFinished(held.broadcast());
		this.jdbc.sql("""
				insert into closure_line_reopening (line_id, closes_at, alternatives, broadcast_id, closed_by, closed_on, reopened_by)
				select line_id, closes_at, alternatives, broadcast_id, closed_by, created_at, ? from closure_line_closure where line_id = ?
				""").params(CurrentUser.find().map(LineaUser::id).orElse(null), line.id()).update();
		this.jdbc.sql("delete from closure_line_closure where line_id = ?").param(line.id()).update();
		this.lines.reopen(line.id());
		this.audit.record(line.organisationId(), "LINE_REOPENED", "line", line.key(),
				Map.of("closesAt", held.closesAt().toString(), "broadcast", held.broadcast()));
		return Closure.running(line.key());
	}

	/** The line's closure, for those who may close it; empty while it runs. */
	@Transactional(readOnly = true)
	public Optional<Closure> of(String lineKey) {
		return find(this.lines.requireAccess(lineKey, Permission.LINE_CLOSE));
	}

	/**
	 * What a closed line answers anyone writing in, in their language (the line's default when the bundle has
	 * none): that it closed and where to turn. Empty while the line runs.
	 */
	@Transactional(readOnly = true)
	public Optional<String> referral(Line line, String language) {
		if (!line.closed(Instant.now(this.clock))) {
			return Optional.empty();
		}
		record Saved(String alternatives, Map<String, String> referral) {
		}
		Saved saved = this.jdbc.sql("select alternatives, referral from closure_line_closure where line_id = ?")
			.param(line.id())
			.query((rs, row) -> new Saved(rs.getString(1), texts(rs.getString(2))))
			.optional()
			.orElse(new Saved("", Map.of()));
		String spoken = language == null ? line.defaultLanguage() : language;
		String own = saved.referral().get(spoken);
		if (own != null) {
			return Optional.of(own);
		}
		String alternatives = saved.alternatives();
		Locale locale = Locale.forLanguageTag(spoken);
		return Optional.of(alternatives.isEmpty()
				? this.messages.getMessage("closure.referral.none", new Object[] { line.name() }, locale)
				: this.messages.getMessage("closure.referral", new Object[] { line.name(), alternatives }, locale));
	}

	private Optional<Closure> find(Line line) {
		return this.jdbc.sql("""
				select l.closes_at, l.alternatives, l.active_days, l.broadcast_id, l.recipients, l.referral,
				    (select count(*) from broadcast_recipient r where r.campaign_id = l.broadcast_id and r.status like 'SKIPPED_OPTED_OUT') as skipped
				from closure_line_closure l where l.line_id = ?
				""").param(line.id()).query((rs, row) -> {
			Instant closesAt = rs.getTimestamp("closes_at").toInstant();
			return new Closure(line.key(), closesAt, !closesAt.isAfter(Instant.now(this.clock)), rs.getString("alternatives"),
					rs.getInt("active_days"), rs.getLong("broadcast_id"), rs.getInt("recipients"), rs.getLong("skipped"),
					texts(rs.getString("referral")));
		}).optional();
	}

	/** The organisation's own referral texts: only the line's languages, none blank, each at most {@value #MAX_ALTERNATIVES} characters. */
	private Map<String, String> referralTexts(Line line, Map<String, String> given) {
		Map<String, String> texts = new LinkedHashMap<>();
		if (given == null) {
			return texts;
		}
		given.forEach((language, text) -> {
			if (text == null || text.isBlank()) {
				return;
			}
			String spoken = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
			if (!line.languages().contains(spoken)) {
				throw this.refusals.invalid("closure.invalid.referralLanguage", spoken, String.join(", ", line.languages()));
			}
			if (text.strip().length() > MAX_ALTERNATIVES) {
				throw this.refusals.invalid("closure.invalid.referralLength", spoken, MAX_ALTERNATIVES);
			}
			texts.put(spoken, text.strip());
		});
		return texts;
	}

	private Map<String, String> texts(String stored) {
		if (stored == null) {
			return Map.of();
		}
		Map<String, String> texts = new LinkedHashMap<>();
		this.json.readTree(stored).properties().forEach(field -> texts.put(field.getKey(), field.getValue().asString()));
		return texts;
	}

	/** The last message per language, each followed by the alternatives. */
	private Map<String, String> lastMessage(Line line, Object message, String alternatives) {
		Map<String, String> texts = new LinkedHashMap<>();
		if (message instanceof String key && !key.isBlank()) {
			KnowledgeEntry entry = this.knowledge.validated(line.id())
				.stream()
				.filter(e -> e.content().kind() == EntryKind.KEY_MESSAGE && e.key().equalsIgnoreCase(key.strip()))
				.findFirst()
				.orElseThrow(() -> this.refusals.invalid("closure.invalid.entry", key.strip()));
			for (String language : line.languages()) {
				Answer answer = entry.content().answers().get(language);
				if (answer != null && !answer.text().isBlank()) {
					texts.put(language, answer.text().strip());
				}
			}
		}
		else if (message instanceof Map<?, ?> perLanguage) {
			perLanguage.forEach((language, text) -> {
				if (language instanceof String l && text instanceof String t && !t.isBlank() && line.languages().contains(l.strip().toLowerCase(Locale.ROOT))) {
					texts.put(l.strip().toLowerCase(Locale.ROOT), t.strip());
				}
			});
		}
		if (!texts.containsKey(line.defaultLanguage())) {
			throw this.refusals.invalid("closure.invalid.message", line.defaultLanguage());
		}
		texts.replaceAll((language, text) -> text + "\n\n" + alternatives);
		return texts;
	}

}
