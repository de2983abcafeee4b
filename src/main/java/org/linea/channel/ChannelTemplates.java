package org.linea.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.AuditLog;
import org.linea.access.Permission;
import org.linea.shared.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A line's templates kept in step with its provider: read from the WhatsApp Business Account or Twilio
 * Content on a schedule and on demand, and changed by the provider's template webhooks (status,
 * category). After a successful reading the provider's list is the line's list: templates it no longer
 * has are removed, and only those it approved are sent ({@link ChannelService#templates}). A failed
 * reading changes no template and is recorded with its reason.
 */
@Service
public class ChannelTemplates {

	private static final Logger log = LoggerFactory.getLogger(ChannelTemplates.class);

	/** Meta's events that are a status; REINSTATED is approved again, FLAGGED (quality dropping) changes nothing yet. */
	private static final Map<String, String> STATUS_EVENTS = Map.of("REINSTATED", "APPROVED", "PENDING_DELETION", "DELETED");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final LineService lines;

	private final ChannelAccounts accounts;

	private final ObjectProvider<TemplateSource> sources;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	ChannelTemplates(JdbcClient jdbc, TransactionTemplate transactions, LineService lines, ChannelAccounts accounts,
			ObjectProvider<TemplateSource> sources, AuditLog audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.lines = lines;
		this.accounts = accounts;
		this.sources = sources;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * The last reading of a line's templates.
	 * @param succeeded false: {@code error} says why, and the templates are those of the reading before
	 */
	public record Sync(Instant syncedAt, boolean succeeded, int templates, String error) {
	}

	/** What the templates page and the API show. */
	public record LineTemplates(Line line, boolean syncable, Sync lastSync, List<MessageTemplate> templates) {
	}

	/** A line's templates with their status and category, for those who send broadcasts and the line's administrators. */
	@Transactional(readOnly = true)
	public LineTemplates list(String lineKey) {
		Line line = this.lines.requireAccessAny(lineKey, Permission.BROADCAST_SEND, Permission.ORG_ADMIN);
		return new LineTemplates(line, source(line).isPresent(), lastSync(line.id()).orElse(null), this.accounts.templates(line.id()));
	}

	@Transactional(readOnly = true)
	public Optional<Sync> lastSync(long lineId) {
		return this.jdbc.sql("select synced_at, succeeded, templates, error from channel_template_sync where line_id = ?")
			.param(lineId)
			.query((rs, row) -> new Sync(rs.getTimestamp(1).toInstant(), rs.getBoolean(2), rs.getInt(3), rs.getString(4)))
			.optional();
	}

	/** Whether the line's templates have been read from its provider at least once (its list is then the truth). */
	@Transactional(readOnly = true)
	public boolean synced(long lineId) {
		return this.jdbc.sql("select count(*) from channel_template_sync where line_id = ? and succeeded").param(lineId)
			.query(Long.class).single() > 0;
	}

	/** Reads the line's templates from its provider now (the button on the templates page, the API). */
	public Sync sync(String lineKey) throws InterruptedException {
		Line line = this.lines.requireAccessAny(lineKey, Permission.BROADCAST_SEND, Permission.ORG_ADMIN);
		TemplateSource source = source(line)
			.orElseThrow(() -> new InvalidRequestException("error.channel.no-provider-templates", line.channelType().name()));
		ProviderAccount account = this.accounts.find(line.id())
			.orElseThrow(() -> new InvalidRequestException("error.channel.connect-provider-first"));
		Sync sync = sync(line, source, account);
		this.transactions.executeWithoutResult(status -> this.audit.record(line.organisationId(), "CHANNEL_TEMPLATES_SYNCED", "line",
				line.key(), Map.of("succeeded", sync.succeeded(), "templates", sync.templates())));
		return sync;
	}

	/** Every connected line whose provider lists templates, one after the other (the scheduled round). */
	public void syncAll() throws InterruptedException {
		List<Long> connected = this.jdbc.sql("select line_id from channel_account order by line_id").query(Long.class).list();
		for (long lineId : connected) {
			Optional<Line> line = this.lines.findById(lineId);
			Optional<TemplateSource> source = line.flatMap(this::source);
			Optional<ProviderAccount> account = this.accounts.find(lineId);
			if (source.isPresent() && account.isPresent()) {
				sync(line.get(), source.get(), account.get());
			}
		}
	}

	private Sync sync(Line line, TemplateSource source, ProviderAccount account) throws InterruptedException {
		List<ProviderTemplate> listed;
		try {
			listed = source.fetch(account);
		}
		catch (TemplateSource.TemplateSyncException ex) {
			log.warn("Templates of line {} not read from {}: {}", line.key(), source.name(), ex.getMessage());
			return record(line.id(), new Sync(Instant.now(), false, 0, ex.getMessage()));
		}
		return this.transactions.execute(status -> {
			List<Long> kept = new ArrayList<>();
			for (ProviderTemplate template : listed) {
				kept.add(this.jdbc.sql("""
						insert into channel_template (line_id, name, language, body, source, status, category, provider_id, label, synced_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())
						on conflict (line_id, name, language) do update set body = excluded.body, source = excluded.source,
						    status = excluded.status, category = excluded.category, provider_id = excluded.provider_id,
						    label = excluded.label, synced_at = excluded.synced_at
						returning id
						""")
					.params(line.id(), template.name(), template.language(), template.body() == null ? "" : template.body(), source.name(),
							upper(template.status()), upper(template.category()), template.providerId(), template.label())
					.query(Long.class)
					.single());
			}
			// what the provider no longer lists (or never had) is not the line's any more
			this.jdbc.sql("delete from channel_template where line_id = ? and not (id = any (?))")
				.params(line.id(), kept.toArray(Long[]::new))
				.update();
			return record(line.id(), new Sync(Instant.now(), true, listed.size(), null));
		});
	}

	private Sync record(long lineId, Sync sync) {
		this.jdbc.sql("""
				insert into channel_template_sync (line_id, synced_at, succeeded, templates, error) values (?, ?, ?, ?, ?)
				on conflict (line_id) do update set synced_at = excluded.synced_at, succeeded = excluded.succeeded,
				    templates = case when excluded.succeeded then excluded.templates else channel_template_sync.templates end,
				    error = excluded.error
				""")
			.params(lineId, java.sql.Timestamp.from(sync.syncedAt()), sync.succeeded(), sync.templates(), sync.error())
			.update();
		return sync;
	}

	/**
	 * Applies a provider's template webhook to the line's stored template; a template the line does not
	 * have yet is left to the next reading (the webhook does not carry its wording). A new status is
	 * published ({@link TemplateStatusChanged}) once committed.
	 * @return whether a stored template changed
	 */
	@Transactional
	public boolean apply(Line line, TemplateEvent event) {
		String status = event.status() == null ? null : STATUS_EVENTS.getOrDefault(upper(event.status()), upper(event.status()));
		if ("FLAGGED".equals(status)) {
			status = null;
		}
		if (status == null && event.category() == null) {
			return false;
		}
		List<TemplateStatusChanged> changed = this.jdbc.sql("""
				update channel_template t set status = coalesce(?, t.status), category = coalesce(?, t.category)
				from channel_template before
				where before.id = t.id and t.line_id = ? and (t.provider_id = ? or (t.name = ? and t.language = ?))
				returning t.name, t.label, t.language, t.status, before.status as previous
				""")
			.params(status, upper(event.category()), line.id(), event.providerId(), event.name(), event.language())
			.query((rs, row) -> rs.getString("status").equals(rs.getString("previous")) ? null
					: new TemplateStatusChanged(line.id(), rs.getString("name"), rs.getString("label"), rs.getString("language"),
							rs.getString("status")))
			.list();
		changed.stream().filter(java.util.Objects::nonNull).forEach(this.events::publishEvent);
		log.info("Template {} {} of line {}: status {} category {} ({} stored)", event.name(), event.language(), line.key(), status,
				event.category(), changed.size());
		return !changed.isEmpty();
	}

	private Optional<TemplateSource> source(Line line) {
		return this.sources.orderedStream().filter(s -> s.serves(line.channelType())).findFirst();
	}

	private static String upper(String value) {
		return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
	}

}
