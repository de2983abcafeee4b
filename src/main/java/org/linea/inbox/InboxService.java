package org.linea.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.linea.access.Permission;
import org.linea.privacy.RevealRoles;
import org.linea.access.Permission;
import org.linea.privacy.RevealRoles;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.LineaUser;
import org.linea.access.OpeningHours;
import org.linea.access.UserService;
import org.linea.channel.ChannelService;
import org.linea.channel.OutboundContent;
import org.linea.channel.ReplyWindow;
import org.linea.contact.Contact;
import org.linea.contact.ContactService;
import org.linea.contact.PhoneUse;
import org.linea.contact.SharedPhones;
import org.linea.contact.RevealedIdentity;
import org.linea.inbox.Closing;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationQueued;
import org.linea.conversation.ConversationMessage;
import org.linea.conversation.ConversationService;
import org.linea.conversation.ConversationState;
import org.linea.conversation.QueueFilter;
import org.linea.conversation.SenderKind;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackCodingService;
import org.linea.knowledge.EntryKind;
import org.linea.knowledge.PhrasingService;
import org.linea.knowledge.PhrasingSource;
import org.linea.access.AuditLog;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.linea.shared.db.Rows.instant;
import static org.linea.shared.db.Rows.timestamp;

/**
 * The operators' inbox: queues per team, claiming (exactly one person holds a conversation),
 * answering, internal notes with mentions, escalation to specialists, triage, referrals, and closing
 * with coding. Every method checks the current user's permission on the conversation's line ({@link InboxAccess}).
 */
@Service
public class InboxService {

	private static final int MAX_TEXT = 4096;

	/** More than this is not read by anyone: the list says to narrow the filters instead. */
	static final int QUEUE_LIMIT = 150;

	private static final Pattern MENTION = Pattern.compile("@([a-z0-9._-]{2,64})");

	private static final Set<String> TRIAGE = Set.of("GREEN", "YELLOW", "RED");

	private final JdbcClient jdbc;

	private final LineService lines;

	private final ConversationService conversations;

	private final InboxState state;

	private final Closing closing;

	private final ContactService contacts;

	private final UserService users;

	private final TeamService teams;

	private final FeedbackCodingService coding;

	private final ChannelService channels;

	private final QuickReplies quickReplies;

	private final PhrasingService phrasings;

	private final AuditLog audit;

	private final Clock clock;

	private final InboxAccess access;

	private final RevealRoles revealRoles;

	private final MessageViews messageViews;

	private final SharedPhones sharedPhones;

	InboxService(JdbcClient jdbc, LineService lines, ConversationService conversations, InboxState state, Closing closing,
			ContactService contacts, UserService users, TeamService teams, FeedbackCodingService coding,
			ChannelService channels, QuickReplies quickReplies, Clock clock, InboxAccess access, RevealRoles revealRoles,
			AuditLog audit, MessageViews messageViews, SharedPhones sharedPhones, PhrasingService phrasings) {
		this.phrasings = phrasings;
		this.audit = audit;
		this.messageViews = messageViews;
		this.sharedPhones = sharedPhones;
		this.access = access;
		this.revealRoles = revealRoles;
		this.jdbc = jdbc;
		this.lines = lines;
		this.conversations = conversations;
		this.state = state;
		this.closing = closing;
		this.contacts = contacts;
		this.users = users;
		this.teams = teams;
		this.coding = coding;
		this.channels = channels;
		this.quickReplies = quickReplies;
		this.clock = clock;
	}

	/** Lines whose inbox the current user works in. */
	public List<Line> lines() {
		return this.lines.accessibleLines(Permission.INBOX_READ);
	}

	/**
	 * A conversation reaching people joins its line's general queue unless it was sent to a team. Inside
	 * the queueing transaction: no one may see a queued conversation that belongs to no team.
	 */
	@EventListener
	void placeInQueue(ConversationQueued queued) {
		this.state.placeInTeamIfNone(queued.conversationId(), this.teams.general(queued.lineId()).id());
	}

	/**
	 * Open conversations on these lines matching the filters, longest waiting first. "All" includes the
	 * ones the bot is handling, so staff see every person writing in and can step in.
	 */
	@Transactional(readOnly = true)
	public List<QueueEntry> queue(List<Line> lines, QueueForm form) {
		if (lines.isEmpty()) {
			return List.of();
		}
		Map<Long, Line> byId = lines.stream().collect(Collectors.toMap(Line::id, Function.identity()));
		long me = CurrentUser.require().id();
		String view = form.viewOrDefault();
		Set<ConversationState> states = switch (view) {
			case "bot" -> EnumSet.of(ConversationState.BOT);
			case "all" -> EnumSet.of(ConversationState.BOT, ConversationState.QUEUED, ConversationState.ASSIGNED);
			default -> EnumSet.of(ConversationState.QUEUED, ConversationState.ASSIGNED);
		};
		List<Conversation> found = this.conversations.waitingForPeople(new QueueFilter(byId.keySet(), form.team(),
				view.equals("mine") ? me : null, view.equals("waiting"), form.code(), form.tag(), form.text(), states, QUEUE_LIMIT));
		// a search by words or tags must not tell what a restricted conversation says
		boolean searched = !isBlank(form.text()) || !isBlank(form.tag());
		Set<Long> unsearchable = searched ? this.access.hiddenFrom(CurrentUser.require(), found.stream().map(Conversation::id).toList())
				: Set.of();
		List<Conversation> rows = found.stream().filter(c -> !unsearchable.contains(c.id())).toList();
		Map<Long, String> names = this.users.displayNames(
				rows.stream().map(Conversation::assigneeId).filter(Objects::nonNull).collect(Collectors.toSet()));
		Map<Long, String> teamNames = new HashMap<>();
		lines.forEach(line -> this.teams.teamsOf(line.id()).forEach(team -> teamNames.put(team.id(), team.name())));
		Set<Long> hidden = unsearchable.isEmpty() ? this.access.hiddenFrom(CurrentUser.require(), rows.stream().map(Conversation::id).toList())
				: Set.of();
		Map<Long, Integer> unread = unread(me, rows.stream().map(Conversation::id).toList());
		Map<Long, OpeningHours> hours = lines.stream().collect(Collectors.toMap(Line::id, line -> OpeningHours.parse(line.openingHours())));
		Instant now = Instant.now(this.clock);
		Set<Long> inDoubt = this.conversations.withDeliveryInDoubt(rows.stream().map(Conversation::id).toList());
		return rows.stream()
			.map(c -> {
				Line line = byId.get(c.lineId());
				boolean restricted = hidden.contains(c.id());
				return new QueueEntry(c.id(), line.key(), c.contactCode(), c.language(), line.channelType().name(), c.state(),
						c.teamId() == null ? null : teamNames.get(c.teamId()),
						c.assigneeId() == null ? null : names.get(c.assigneeId()), c.isHeldBy(me), restricted ? null : c.triage(),
						restricted ? List.of() : c.tags(), restricted,
						unread.getOrDefault(c.id(), 0), c.waitingSince(), windowClosesAt(this.channels.replyWindowAfter(line, c.lastInboundAt())),
						overdue(line, hours.get(line.id()), c, now),
						c.lastMessageAt(), inDoubt.contains(c.id()));
			})
			.toList();
	}

	/** Teams of the lines, for the queue switcher. */
	@Transactional(readOnly = true)
	public List<Team> teams(List<Line> lines) {
		return lines.stream().flatMap(line -> this.teams.teamsOf(line.id()).stream()).toList();
	}

	@Transactional
	public ConversationView view(long conversationId) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_READ);
		LineaUser me = CurrentUser.require();
		List<ConversationMessage> messages = this.conversations.messages(conversationId);
		List<MessageView> views = this.messageViews.of(line, messages);
		Map<Long, String> names = conversation.assigneeId() == null ? Map.of()
				: this.users.displayNames(Set.of(conversation.assigneeId()));
		markRead(me.id(), conversationId, messages.isEmpty() ? 0 : messages.getLast().id());
		this.audit.record(line.organisationId(), "CONVERSATION_VIEWED", "conversation", Long.toString(conversationId), Map.of());
		List<Team> lineTeams = this.teams.teamsOf(line.id());
		Map<Long, TeamMember> colleagues = new LinkedHashMap<>();
		lineTeams.forEach(team -> this.teams.members(team.id()).forEach(member -> colleagues.putIfAbsent(member.userId(), member)));
		String team = lineTeams.stream().filter(t -> t.id() == (conversation.teamId() == null ? -1 : conversation.teamId()))
			.map(Team::name).findFirst().orElse(null);
		Contact contact = this.contacts.get(conversation.contactId());
		return new ConversationView(conversation, line, contact.maskedPhone(), contact.phoneUse(),
				this.conversations.earlierCount(conversation), team,
				conversation.assigneeId() == null ? null : names.get(conversation.assigneeId()), conversation.isHeldBy(me.id()),
				views, lineTeams, List.copyOf(colleagues.values()), referrals(conversationId),
				this.coding.codingOf(conversationId).orElse(null), this.channels.replyWindow(line, conversation.contactId()),
				this.channels.templates(line),
				overdue(line, OpeningHours.parse(line.openingHours()), conversation, Instant.now(this.clock)),
				!this.conversations.withDeliveryInDoubt(List.of(conversationId)).isEmpty());
	}

	/** Takes the conversation; if another operator was faster, says who holds it. */
	@Transactional
	public void claim(long conversationId) {
		Conversation conversation = this.conversations.get(conversationId);
		this.access.requireContent(conversation, Permission.INBOX_REPLY);
		LineaUser me = CurrentUser.require();
		if (conversation.isHeldBy(me.id())) {
			return;
		}
		if (!this.state.claim(conversationId, me.id())) {
			throw conflict(this.conversations.get(conversationId));
		}
	}

	@Transactional
	public void release(long conversationId) {
		Conversation conversation = this.conversations.get(conversationId);
		this.access.requireContent(conversation, Permission.INBOX_REPLY);
		if (!this.state.release(conversationId, CurrentUser.require().id())) {
			throw conflict(conversation);
		}
	}

	/** Hands the conversation to a colleague who works on the line. */
	@Transactional
	public void assign(long conversationId, Long userId) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_REPLY);
		LineaUser colleague = java.util.Optional.ofNullable(userId).flatMap(this.users::findById).filter(LineaUser::isEnabled)
			.filter(u -> u.can(line.organisationId(), Permission.INBOX_READ))
			.orElseThrow(() -> new InvalidRequestException("error.inbox.person-does-work-line"));
		if (!this.state.assignTo(conversationId, colleague.id())) {
			throw conflict(conversation);
		}
	}

	/**
	 * Sends the operator's answer. Answering a waiting conversation takes it; answering one a colleague
	 * holds needs {@code takeOver}, so two people never write to one person unknowingly.
	 */
	@Transactional
	public void reply(long conversationId, String text, boolean takeOver) {
		reply(conversationId, text, takeOver, null);
	}

	/**
	 * As {@link #reply(long, String, boolean)}, the answer written from a quick reply: the person's
	 * last message is proposed as a phrasing of that entry, for the knowledge managers' review.
	 * @param insertedEntry the entry inserted, or null
	 */
	@Transactional
	public void reply(long conversationId, String text, boolean takeOver, String insertedEntry) {
		String body = checkedText(text);
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_REPLY);
		LineaUser me = CurrentUser.require();
		if (!conversation.isOpen()) {
			throw conflict(conversation);
		}
		if (!this.channels.replyWindow(line, conversation.contactId()).open()) {
			throw new InvalidRequestException("error.inbox.more-than-24-hours");
		}
		if (conversation.state() == ConversationState.ASSIGNED && !conversation.isHeldBy(me.id())) {
			if (!takeOver) {
				throw conflict(conversation);
			}
			this.state.assignTo(conversationId, me.id());
		}
		else {
			claim(conversationId);
		}
		if (insertedEntry != null && !insertedEntry.isBlank()) {
			this.conversations.messages(conversationId)
				.reversed()
				.stream()
				.filter(m -> m.direction().equals("IN") && m.body() != null && !m.body().isBlank())
				.findFirst()
				.ifPresent(m -> this.phrasings.propose(line.id(), insertedEntry.strip(), m.body(), PhrasingSource.QUICK_REPLY,
						conversationId, m.id(), me.id()));
		}
		this.conversations.send(this.conversations.get(conversationId), SenderKind.OPERATOR, me.id(), body);
	}

	/** Validated answers (or key messages) of the line's bank matching the words, in the conversation's language. */
	@Transactional(readOnly = true)
	public List<QuickReply> quickReplies(long conversationId, String query, EntryKind kind) {
		Conversation conversation = this.conversations.get(conversationId);
		return this.quickReplies.search(this.access.requireContent(conversation, Permission.INBOX_READ), conversation.language(), query, kind);
	}

	/** Sends one of the line's approved templates, the only thing WhatsApp takes outside its 24-hour window. */
	@Transactional
	public void replyWithTemplate(long conversationId, long templateId, List<String> parameters) {
		Line line = this.access.requireContent(this.conversations.get(conversationId), Permission.INBOX_REPLY);
		OutboundContent content = this.channels.templates(line)
			.stream()
			.filter(template -> template.id() == templateId)
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException("error.inbox.such-template-line"))
			.with(parameters);
		claim(conversationId);
		this.conversations.send(this.conversations.get(conversationId), SenderKind.OPERATOR, CurrentUser.require().id(), content);
	}

	/** An internal note for colleagues; {@code @username} asks that colleague to look. */
	@Transactional
	public void note(long conversationId, String text) {
		String body = checkedText(text);
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_REPLY);
		long noteId = this.conversations.note(conversation, CurrentUser.require().id(), body);
		Matcher matcher = MENTION.matcher(body.toLowerCase(Locale.ROOT));
		Set<String> mentioned = new HashSet<>();
		while (matcher.find()) {
			mentioned.add(matcher.group(1));
		}
		for (String username : mentioned) {
			try {
				LineaUser colleague = this.users.loadUserByUsername(username);
				if (colleague.isEnabled() && colleague.can(line.organisationId(), Permission.INBOX_READ)) {
					this.jdbc.sql("insert into inbox_mention (conversation_id, message_id, user_id) values (?, ?, ?)")
						.params(conversationId, noteId, colleague.id())
						.update();
				}
			}
			catch (UsernameNotFoundException ex) {
				// a word that looks like a mention but names nobody: the note stays as written
			}
		}
	}

	/** Notes where colleagues mentioned the current user and that they have not opened yet. */
	@Transactional(readOnly = true)
	public List<Mention> myMentions() {
		long me = CurrentUser.require().id();
		List<Object[]> rows = this.jdbc.sql("""
				select id, conversation_id, message_id, created_at from inbox_mention where user_id = ? and seen_at is null
				order by id desc limit 50
				""").param(me).query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), instant(rs, "created_at") })
			.list();
		LineaUser user = CurrentUser.require();
		return rows.stream().filter(r -> this.access.visibleTo(user, (Long) r[1])).map(r -> {
			Conversation c = this.conversations.get((Long) r[1]);
			ConversationMessage note = this.conversations.messages(c.id()).stream().filter(m -> m.id() == (Long) r[2]).findFirst()
				.orElseThrow();
			String author = note.authorId() == null ? null : this.users.displayNames(Set.of(note.authorId())).get(note.authorId());
			return new Mention((Long) r[0], c.id(), c.contactCode(), author, note.body(), (Instant) r[3]);
		}).toList();
	}

	/** Sends the conversation to another team's queue (health, PSS...) with a note for the specialists. */
	@Transactional
	public void escalate(long conversationId, long teamId, String note) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_REPLY);
		Team team = this.teams.get(teamId);
		if (team.lineId() != line.id()) {
			throw new NotFoundException("Team " + teamId);
		}
		if (note != null && !note.isBlank()) {
			note(conversationId, "→ " + team.name() + ": " + note.strip());
		}
		if (!this.state.moveToTeam(conversationId, teamId, !Team.GENERAL.equals(team.key()))) {
			throw conflict(conversation);
		}
	}

	/** Sets the psychosocial traffic light, or clears it. */
	@Transactional
	public void triage(long conversationId, String colour) {
		Conversation conversation = this.conversations.get(conversationId);
		this.access.requireContent(conversation, Permission.INBOX_REPLY);
		String value = colour == null || colour.isBlank() ? null : colour.strip().toUpperCase(Locale.ROOT);
		if (value != null && !TRIAGE.contains(value)) {
			throw new InvalidRequestException("error.inbox.triage-green-yellow-red");
		}
		this.state.triage(conversationId, value);
	}

	@Transactional
	public void tag(long conversationId, String tags) {
		Conversation conversation = this.conversations.get(conversationId);
		this.access.requireContent(conversation, Permission.INBOX_REPLY);
		List<String> list = tags == null ? List.of()
				: Arrays.stream(tags.split("[,\\s]+"))
					.map(t -> t.strip().toLowerCase(Locale.ROOT))
					.filter(t -> t.matches("[\\p{L}\\p{N}_-]{1,30}"))
					.distinct()
					.limit(10)
					.toList();
		this.state.tag(conversationId, list);
	}

	/** Records a referral (a specialist appointment, a service) to follow until done. */
	@Transactional
	public void refer(long conversationId, String service, Instant appointmentAt, String note) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_REPLY);
		if (service == null || service.isBlank() || service.length() > 200) {
			throw new InvalidRequestException("error.inbox.say-which-service-specialist");
		}
		this.jdbc.sql("""
				insert into inbox_referral (conversation_id, line_id, service, appointment_at, status, note, created_by)
				values (?, ?, ?, ?, ?, ?, ?)
				""").params(conversationId, line.id(), service.strip(), timestamp(appointmentAt), appointmentAt == null ? "PENDING" : "BOOKED",
				note == null || note.isBlank() ? null : note.strip(), CurrentUser.require().id()).update();
	}

	@Transactional
	public void updateReferral(long referralId, String status) {
		Long conversationId = this.jdbc.sql("select conversation_id from inbox_referral where id = ?").param(referralId)
			.query(Long.class).optional().orElseThrow(() -> new NotFoundException("Referral " + referralId));
		this.access.requireContent(this.conversations.get(conversationId), Permission.INBOX_REPLY);
		if (!Set.of("PENDING", "BOOKED", "DONE", "CANCELLED").contains(status)) {
			throw new InvalidRequestException("error.inbox.unknown-referral-status");
		}
		this.jdbc.sql("update inbox_referral set status = ?, updated_at = now() where id = ?").params(status, referralId).update();
	}

	private List<Referral> referrals(long conversationId) {
		return this.jdbc.sql("""
				select id, conversation_id, service, appointment_at, status, note, created_at from inbox_referral
				where conversation_id = ? order by id
				""").param(conversationId).query(Referral.class).list();
	}

	/**
	 * Codes and ends the interaction, then the line's closing flow asks the person for satisfaction and
	 * consent. The holder closes it; a coordinator may close any.
	 */
	@Transactional
	public void close(long conversationId, Coding coding) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_REPLY);
		LineaUser me = CurrentUser.require();
		boolean coordinator = me.can(line.organisationId(), Permission.INBOX_SUPERVISE);
		if (conversation.assigneeId() != null && !conversation.isHeldBy(me.id()) && !coordinator) {
			throw conflict(conversation);
		}
		this.coding.code(conversationId, line.id(), coding, me.id());
		if (!this.closing.close(conversationId, me.id(), "CLOSED_BY_OPERATOR")) {
			throw new ClaimConflictException("error.inbox.conversation-already-closed", null, conversationId);
		}
	}

	/**
	 * Shows the person's full number to someone whose role may reveal on the line, for a reason they
	 * give; the reveal and its reason are audited.
	 */
	@Transactional
	public RevealedIdentity reveal(long conversationId, String reason) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.CONTACT_REVEAL);
		this.revealRoles.require(line);
		String why = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
		if (why.length() < 5 || why.length() > 300) {
			throw new InvalidRequestException("error.inbox.say-why-you-number");
		}
		return this.contacts.reveal(conversation.contactId(), line.organisationId(), "inbox conversation " + conversationId, why);
	}

	/**
	 * Marks the conversation's number as the person's own or as a shared (community) phone; an operator
	 * working the conversation does, and the mark is audited. On a shared phone consent and demographics
	 * are asked per interaction and earlier interactions are shown only on request, with a reason.
	 */
	@Transactional
	public void markPhoneUse(long conversationId, PhoneUse use) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.access.requireContent(conversation, Permission.INBOX_REPLY);
		if (use == null || use == PhoneUse.UNKNOWN) {
			throw new InvalidRequestException("error.inbox.say-whether-phone-person");
		}
		this.sharedPhones.mark(conversation.contactId(), use, SharedPhones.Source.OPERATOR, line.organisationId(),
				"inbox conversation " + conversationId);
	}

	/** Whether the current user may reveal numbers on the line, for the button. */
	public boolean mayReveal(Line line) {
		return this.revealRoles.allows(CurrentUser.require(), line);
	}

	private void markRead(long userId, long conversationId, long lastId) {
		this.jdbc.sql("""
				insert into inbox_read_marker (user_id, conversation_id, last_read_id) values (?, ?, ?)
				on conflict (user_id, conversation_id) do update set last_read_id = greatest(inbox_read_marker.last_read_id, excluded.last_read_id)
				""").params(userId, conversationId, lastId).update();
		this.jdbc.sql("update inbox_mention set seen_at = now() where user_id = ? and conversation_id = ? and seen_at is null")
			.params(userId, conversationId)
			.update();
	}

	private Map<Long, Integer> unread(long userId, List<Long> conversationIds) {
		if (conversationIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Long> lastRead = new HashMap<>();
		conversationIds.forEach(id -> lastRead.put(id, 0L));
		this.jdbc.sql("select conversation_id, last_read_id from inbox_read_marker where user_id = ? and conversation_id = any(?)")
			.params(userId, conversationIds.toArray(Long[]::new))
			.query((rs, n) -> lastRead.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return this.conversations.inboundAfter(lastRead);
	}

	/** End of the free-form reply window for the list: null on channels without one, long past if the person never wrote. */
	private static Instant windowClosesAt(ReplyWindow window) {
		if (!window.applies()) {
			return null;
		}
		return window.closesAt() == null ? Instant.EPOCH : window.closesAt();
	}

	/** Waiting longer than the line's response-time objective, counting only the time the line was open. */
	private static boolean overdue(Line line, OpeningHours hours, Conversation conversation, Instant now) {
		if (conversation.waitingSince() == null) {
			return false;
		}
		return hours.openBetween(conversation.waitingSince(), now, line.timeZone())
			.compareTo(Duration.ofMinutes(line.firstResponseMinutes())) > 0;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String checkedText(String text) {
		String body = text == null ? "" : text.strip();
		if (body.isEmpty()) {
			throw new InvalidRequestException("error.inbox.write-message-first");
		}
		if (body.length() > MAX_TEXT) {
			throw new InvalidRequestException("error.inbox.message-most-characters", MAX_TEXT);
		}
		return body;
	}

	private ClaimConflictException conflict(Conversation conversation) {
		if (conversation.state() == ConversationState.CLOSED) {
			return new ClaimConflictException("error.inbox.conversation-closed", null, conversation.id());
		}
		String holder = conversation.assigneeId() == null ? null
				: this.users.displayNames(Set.of(conversation.assigneeId())).get(conversation.assigneeId());
		return new ClaimConflictException("error.inbox.already-held", holder, conversation.id());
	}

}
