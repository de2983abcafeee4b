package org.linea.channel;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.linea.access.Permission;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.AuditLog;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.Messages;
import org.linea.shared.LineaProperties;
import org.linea.shared.crypto.FieldCipher;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Lines' provider accounts and approved templates. Admins connect a line; secrets are encrypted on
 * the way in and only adapters get them back. Every change is written to the audit log, without values.
 */
@Service
public class ChannelAccounts {

	private static final String VERIFY_TOKEN = "verifyToken";

	private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
	};

	/** How long an account read for sending is used again (see {@link #forSending}). */
	static final Duration SENDING_REUSE = Duration.ofSeconds(2);

	private final Map<Long, ReadAccount> sending = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final JsonMapper json;

	private final LineService lines;

	private final ChannelAdapters adapters;

	private final AuditLog audit;

	private final LineaProperties properties;

	private final ApplicationEventPublisher events;

	private final SecureRandom random = new SecureRandom();

	ChannelAccounts(JdbcClient jdbc, FieldCipher cipher, JsonMapper json, LineService lines, ChannelAdapters adapters,
			AuditLog audit, LineaProperties properties, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.json = json;
		this.lines = lines;
		this.adapters = adapters;
		this.audit = audit;
		this.properties = properties;
		this.events = events;
	}

	/** The line's account with its secrets, for the adapter that calls the provider. */
	@Transactional(readOnly = true)
	public Optional<ProviderAccount> find(long lineId) {
		return this.jdbc.sql("select settings::text, secrets_encrypted, verify_token_encrypted, send_rate from channel_account where line_id = ?")
			.param(lineId)
			.query((rs, row) -> new ProviderAccount(lineId, this.json.readValue(rs.getString(1), MAP),
					this.json.readValue(this.cipher.decryptToString(rs.getBytes(2)), MAP),
					rs.getBytes(3) == null ? null : this.cipher.decryptToString(rs.getBytes(3)), rs.getDouble(4)))
			.optional();
	}

	/**
	 * The line's account for a send: as {@link #find}, read at most {@link #SENDING_REUSE} ago on this
	 * node. A campaign at 1,000/s would otherwise read and decrypt the account for every message; a
	 * change made on this node is seen at once (after its commit), one made on another within that time.
	 */
	public Optional<ProviderAccount> forSending(long lineId) {
		long now = System.nanoTime();
		ReadAccount read = this.sending.get(lineId);
		if (read == null || now - read.readAt() > SENDING_REUSE.toNanos()) {
			read = new ReadAccount(find(lineId), now);
			this.sending.put(lineId, read);
		}
		return read.account();
	}

	/** Messages per second the line may send: its account's rate, or its provider's default. */
	public double sendRate(Line line) {
		return forSending(line.id()).map(ProviderAccount::sendRate).orElseGet(() -> this.adapters.facts(line.channelType()).defaultRate());
	}

	/** Everything the setup page shows. Admins only. */
	@Transactional(readOnly = true)
	public AccountSetup setup(String lineKey) {
		Line line = requireAdmin(lineKey);
		ChannelAdapter adapter = this.adapters.of(line.channelType());
		List<ChannelAdapter.AccountField> fields = adapter.accountFields(line.channelType());
		Optional<ProviderAccount> account = find(line.id());
		Map<String, String> values = new LinkedHashMap<>();
		List<String> secretsSet = new ArrayList<>();
		account.ifPresent(a -> {
			values.putAll(a.settings());
			secretsSet.addAll(a.secrets().keySet());
		});
		ChannelFacts facts = adapter.facts(line.channelType());
		return new AccountSetup(line, fields, values, secretsSet, account.map(ProviderAccount::verifyToken).orElse(null),
				account.map(ProviderAccount::sendRate).orElse(facts.defaultRate()), facts,
				adapter.webhooks(line, this.properties.publicUrl().replaceAll("/+$", "")), templates(line.id()));
	}

	/**
	 * Connects the line, or changes its account. A secret left blank keeps its stored value, as does a
	 * field not submitted at all; a blank verify token gets a random one.
	 */
	@Transactional
	public void connect(String lineKey, Map<String, String> submitted, Double sendRate) {
		Line line = requireAdmin(lineKey);
		List<ChannelAdapter.AccountField> fields = this.adapters.of(line.channelType()).accountFields(line.channelType());
		if (fields.isEmpty()) {
			throw new InvalidRequestException("error.channel.line-provider-account", line.channelType());
		}
		Optional<ProviderAccount> existing = find(line.id());
		Map<String, String> settings = new LinkedHashMap<>();
		Map<String, String> secrets = new LinkedHashMap<>(existing.map(ProviderAccount::secrets).orElse(Map.of()));
		String verifyToken = existing.map(ProviderAccount::verifyToken).orElse(null);
		for (ChannelAdapter.AccountField field : fields) {
			String value = clean(field.name(), submitted.get(field.name()));
			if (field.name().equals(VERIFY_TOKEN)) {
				verifyToken = value != null ? value : verifyToken != null ? verifyToken : randomToken();
			}
			else if (field.secret()) {
				if (value != null) {
					secrets.put(field.name(), value);
				}
				else if (field.required() && !secrets.containsKey(field.name())) {
					throw new InvalidRequestException("error.channel.enter", Messages.term("channel.field." + field.name(), field.name()));
				}
			}
			else if (value != null) {
				settings.put(field.name(), value);
			}
			else if (!submitted.containsKey(field.name()) && existing.isPresent() && existing.get().setting(field.name()) != null) {
				// a partial change (the API) keeps what it does not mention
				settings.put(field.name(), existing.get().setting(field.name()));
			}
			else if (field.required()) {
				throw new InvalidRequestException("error.channel.enter", Messages.term("channel.field." + field.name(), field.name()));
			}
		}
		double rate = sendRate != null ? sendRate : existing.map(ProviderAccount::sendRate)
			.orElseGet(() -> this.adapters.facts(line.channelType()).defaultRate());
		if (!(rate > 0 && rate <= 10_000)) {
			throw new InvalidRequestException("error.channel.send-rate-between-0");
		}
		this.jdbc.sql("""
				insert into channel_account (line_id, settings, secrets_encrypted, verify_token_encrypted, send_rate, updated_at)
				values (?, ?::jsonb, ?, ?, ?, now())
				on conflict (line_id) do update set settings = excluded.settings, secrets_encrypted = excluded.secrets_encrypted,
				    verify_token_encrypted = excluded.verify_token_encrypted, send_rate = excluded.send_rate, updated_at = now()
				""")
			.params(line.id(), this.json.writeValueAsString(settings), this.cipher.encrypt(this.json.writeValueAsString(secrets)),
					verifyToken == null ? null : this.cipher.encrypt(verifyToken), rate)
			.update();
		this.events.publishEvent(new ProviderAccountSaved(line.id()));
		this.audit.record(line.organisationId(), "CHANNEL_ACCOUNT_SAVED", "line", line.key(),
				Map.of("fields", submitted.keySet().stream().filter(name -> submitted.get(name) != null && !submitted.get(name).isBlank()).sorted().toList(),
						"sendRate", rate));
	}

	/** Sends read the account again once a change is committed (the same event the webhook gate forgets it on). */
	@TransactionalEventListener(fallbackExecution = true)
	void accountSaved(ProviderAccountSaved event) {
		this.sending.remove(event.lineId());
	}

	private record ReadAccount(Optional<ProviderAccount> account, long readAt) {
	}

	/** The line's templates, by name, whatever their status (see {@link ChannelService#templates}). */
	@Transactional(readOnly = true)
	public List<MessageTemplate> templates(long lineId) {
		return this.jdbc.sql("""
				select id, line_id, name, language, body, source, status, category, label, synced_at
				from channel_template where line_id = ? order by coalesce(label, name), language
				""")
			.param(lineId)
			.query((rs, row) -> new MessageTemplate(rs.getLong("id"), rs.getLong("line_id"), rs.getString("name"), rs.getString("language"),
					rs.getString("body"), rs.getString("source"), rs.getString("status"), rs.getString("category"), rs.getString("label"),
					rs.getTimestamp("synced_at") == null ? null : rs.getTimestamp("synced_at").toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public MessageTemplate template(long lineId, long templateId) {
		return templates(lineId).stream().filter(t -> t.id() == templateId).findFirst()
			.orElseThrow(() -> new InvalidRequestException("error.channel.such-template-line"));
	}

	@Transactional
	public MessageTemplate addTemplate(String lineKey, String name, String language, String body) {
		Line line = requireAdmin(lineKey);
		String cleanName = clean("template name", name);
		String cleanLanguage = clean("template language", language);
		if (cleanName == null || cleanLanguage == null || body == null || body.isBlank()) {
			throw new InvalidRequestException("error.channel.template-name-language-approved");
		}
		if (!cleanLanguage.matches("[a-z]{2,3}(_[A-Z]{2})?")) {
			throw new InvalidRequestException("error.channel.template-language-code-such");
		}
		long id = this.jdbc.sql("""
				insert into channel_template (line_id, name, language, body) values (?, ?, ?, ?)
				on conflict (line_id, name, language) do update set body = excluded.body returning id
				""").params(line.id(), cleanName, cleanLanguage, body.strip()).query(Long.class).single();
		this.audit.record(line.organisationId(), "CHANNEL_TEMPLATE_SAVED", "line", line.key(), Map.of("template", cleanName));
		return template(line.id(), id);
	}

	@Transactional
	public void removeTemplate(String lineKey, long templateId) {
		Line line = requireAdmin(lineKey);
		if (this.jdbc.sql("delete from channel_template where id = ? and line_id = ?").params(templateId, line.id()).update() > 0) {
			this.audit.record(line.organisationId(), "CHANNEL_TEMPLATE_REMOVED", "line", line.key(), Map.of("template", templateId));
		}
	}

	private Line requireAdmin(String lineKey) {
		return this.lines.requireAccess(lineKey, Permission.ORG_ADMIN);
	}

	private static String clean(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > 512 || stripped.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidRequestException("error.channel.valid", name.contains(" ") ? OutboundContent.part(name) : Messages.term("channel.field." + name, name));
		}
		return stripped;
	}

	private String randomToken() {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
