package org.linea.safeguarding;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.linea.access.Access;
import org.linea.access.ConversationContent;
import org.linea.access.Permission;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.LineaUser;
import org.linea.access.Role;
import org.linea.knowledge.MessageLanguage;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationMessage;
import org.linea.conversation.ConversationService;
import org.linea.inbox.InboxState;
import org.linea.conversation.SenderKind;
import org.linea.inbox.RestrictedConversations;
import org.linea.inbox.Team;
import org.linea.inbox.TeamService;
import org.linea.access.AuditLog;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The safeguarding path of a conversation: a person's message is screened before the bot and before
 * anything is sent; a report becomes a restricted case in the line's safeguarding queue, the person
 * gets the safe reply at once, and focal points are alerted. Only SAFEGUARDING members of the
 * organisation open a case's conversation; operators can flag one, focal points can say it is not.
 */
@Service
public class SafeguardingService implements RestrictedConversations {

	/** The team of a line whose queue holds its cases (restricted). */
	public static final String TEAM = Team.SAFEGUARDING;

	private final Detector detector;

	private final SafeReplies replies;

	private final CaseRepository cases;

	private final ConversationService conversations;

	private final InboxState inboxState;

	private final TeamService teams;

	private final LineService lines;

	private final MessageLanguage languages;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final ConversationContent content;

	private final Clock clock;

	private final CaseAccess caseAccess;

	private final Accused accused;

	SafeguardingService(Detector detector, SafeReplies replies, CaseRepository cases, ConversationService conversations, InboxState inboxState,
			TeamService teams, LineService lines, MessageLanguage languages, AuditLog audit, ApplicationEventPublisher events,
			@Lazy ConversationContent content, Clock clock, CaseAccess caseAccess, Accused accused) {
		this.accused = accused;
		this.caseAccess = caseAccess;
		this.detector = detector;
		this.replies = replies;
		this.cases = cases;
		this.conversations = conversations;
		this.inboxState = inboxState;
		this.teams = teams;
		this.lines = lines;
		this.languages = languages;
		this.audit = audit;
		this.events = events;
		this.content = content;
		this.clock = clock;
	}

	/**
	 * Screens a person's message (with their previous one). A report opens a case (or makes the open
	 * one urgent), moves the conversation to the safeguarding queue and sends the safe reply.
	 * @return what was found, when it is a report
	 */
	@Transactional
	public Optional<Finding> screenInbound(Line line, Conversation conversation, long messageId, String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String previous = previousInbound(conversation.id(), messageId);
		Finding finding = this.detector.screen(text, previous);
		if (!finding.sensitive()) {
			return Optional.empty();
		}
		Optional<SafeguardingCase> open = this.cases.openFor(conversation.id());
		if (open.isPresent()) {
			if (finding.urgent() && !open.get().urgent()) {
				this.cases.makeUrgent(open.get().id());
				sendSafeReply(line, conversation, finding, text);
				this.events.publishEvent(new CaseOpened(open.get().id(), line.organisationId(), line.id(), open.get().code(),
						open.get().category(), true, true));
			}
			return Optional.of(finding);
		}
		String said = previous == null ? text : previous + "\n" + text;
		long id = this.cases.open(line, conversation.id(), finding.category(), finding.urgent(), finding.signals(), "DETECTED",
				messageId, null, this.accused.of(line, conversation, finding.category(), said, null), Instant.now(this.clock));
		sendSafeReply(line, conversation, finding, text);
		moveToQueue(line, conversation.id());
		SafeguardingCase opened = this.cases.find(id).orElseThrow();
		this.events.publishEvent(new CaseOpened(id, line.organisationId(), line.id(), opened.code(), opened.category(),
				opened.urgent(), false));
		return Optional.of(finding);
	}

	/**
	 * Of these conversations, those whose content a case keeps to the organisation's focal points: from
	 * the moment it opens until a focal point marks it not sensitive (closed cases stay restricted).
	 * The inbox's one content check ({@link org.linea.inbox.InboxAccess}) asks here.
	 */
	@Override
	public Set<Long> restrictedCases(Collection<Long> conversationIds) {
		return this.cases.restricted(conversationIds);
	}

	/**
	 * Of these conversations, those whose case is a report against the user or a team of theirs: kept
	 * from them even when they are a focal point (IFRC PSEA policy).
	 */
	@Override
	public Set<Long> casesKeptFrom(LineaUser user, Collection<Long> conversationIds) {
		return conversationIds.isEmpty() ? Set.of() : this.cases.keptFrom(user.id(), conversationIds);
	}

	/** Whether the user is a focal point of the organisation, who opens its cases. */
	public static boolean isFocalPoint(LineaUser user, long organisationId) {
		return user.can(organisationId, Permission.SAFEGUARDING_HANDLE);
	}

	@Override
	public boolean focalPoint(LineaUser user, long organisationId) {
		return isFocalPoint(user, organisationId);
	}

	/** An operator flags a message of a conversation they work on as sensitive: it leaves their view. */
	@Transactional
	public SafeguardingCase flag(long conversationId, long messageId, Category category, boolean urgent) {
		Conversation conversation = this.conversations.get(conversationId);
		Line line = this.lines.get(conversation.lineId());
		LineaUser me = Access.require(line.organisationId(), Permission.INBOX_REPLY, "error.missing.conversation", conversationId);
		this.content.require(conversationId);
		if (this.conversations.messages(conversationId).stream().noneMatch(m -> m.id() == messageId)) {
			throw new InvalidRequestException("error.safeguarding.message-conversation");
		}
		Optional<SafeguardingCase> open = this.cases.openFor(conversationId);
		if (open.isPresent()) {
			return open.get();
		}
		String said = this.conversations.messages(conversationId).stream().filter(m -> m.id() == messageId).findFirst()
			.map(ConversationMessage::body).orElse("");
		long id = this.cases.open(line, conversationId, category, urgent, List.of("flagged by an operator"), "FLAGGED", messageId,
				me.id(), this.accused.of(line, conversation, category, said, me.id()), Instant.now(this.clock));
		moveToQueue(line, conversationId);
		SafeguardingCase flagged = this.cases.find(id).orElseThrow();
		this.audit.record(line.organisationId(), "SAFEGUARDING_FLAG", "safeguarding_case", flagged.code(),
				Map.of("category", category.name(), "urgent", urgent));
		this.events.publishEvent(new CaseOpened(id, line.organisationId(), line.id(), flagged.code(), category, urgent, false));
		return flagged;
	}

	/** A focal point has seen the case: it stops re-alerting. */
	@Transactional
	public void acknowledge(long caseId) {
		SafeguardingCase found = requireFocalPoint(caseId);
		if (this.cases.acknowledge(caseId, CurrentUser.require().id(), Instant.now(this.clock))) {
			this.audit.record(found.organisationId(), "SAFEGUARDING_ACKNOWLEDGE", "safeguarding_case", found.code(), Map.of());
		}
	}

	/**
	 * A focal point says the case is not a safeguarding report: the conversation goes back to the
	 * line's general queue; the case is kept, with its signals, to review what fired.
	 */
	@Transactional
	public void markNotSensitive(long caseId, String note) {
		SafeguardingCase found = requireFocalPoint(caseId);
		if (!found.isOpen()) {
			throw new InvalidRequestException("error.safeguarding.case-already-closed", found.code());
		}
		String outcome = note == null || note.isBlank() ? null : note.strip();
		if (outcome != null && outcome.length() > 500) {
			throw new InvalidRequestException("error.safeguarding.note-most-500-characters");
		}
		this.cases.close(caseId, "NOT_SENSITIVE", CurrentUser.require().id(), outcome, Instant.now(this.clock));
		this.inboxState.moveToTeam(found.conversationId(), this.teams.general(found.lineId()).id(), false);
		this.audit.record(found.organisationId(), "SAFEGUARDING_NOT_SENSITIVE", "safeguarding_case", found.code(), Map.of());
	}

	/** Cases of the organisations the user belongs to; content links only for focal points. */
	@Transactional(readOnly = true)
	public List<CaseView> cases() {
		LineaUser me = CurrentUser.require();
		List<Long> organisations = me.memberships().stream().map(m -> m.organisationId()).filter(java.util.Objects::nonNull).distinct().toList();
		return this.cases.ofOrganisations(organisations, me.id(), 200)
			.stream()
			.filter(c -> me.can(c.organisationId(), Permission.SAFEGUARDING_CASES))
			.map(c -> new CaseView(c, focalPoint(me, c.organisationId()), this.lines.get(c.lineId()).name()))
			.toList();
	}

	/** The current user's alerts not yet seen: the live badge in the menu. */
	@Transactional(readOnly = true)
	public int unseenAlerts() {
		return this.cases.unseenAlerts(CurrentUser.require().id());
	}

	/** The user opened the safeguarding queue: their alerts are seen. */
	@Transactional
	public void alertsSeen() {
		this.cases.alertsSeen(CurrentUser.require().id(), Instant.now(this.clock));
	}

	@Transactional(readOnly = true)
	public Optional<SafeguardingCase> caseOf(long conversationId) {
		return this.cases.openFor(conversationId);
	}

	/** A case as a user's list shows it: its code, time, category and status for all; content for focal points. */
	public record CaseView(SafeguardingCase safeguardingCase, boolean mayOpen, String lineName) {
	}

	private SafeguardingCase requireFocalPoint(long caseId) {
		return this.caseAccess.requireContent(caseId);
	}

	private void sendSafeReply(Line line, Conversation conversation, Finding finding, String text) {
		String language = this.languages.detect(text, line.languages(), conversation.language());
		this.replies.replies(line, finding, language)
			.forEach(reply -> this.conversations.send(conversation, SenderKind.BOT, null, reply));
	}

	private void moveToQueue(Line line, long conversationId) {
		Team team = this.teams.find(line.id(), Team.SAFEGUARDING).orElseGet(() -> {
			Team created = this.teams.create(line.id(), Team.SAFEGUARDING, "Protección / Safeguarding");
			this.teams.setRestricted(created.id(), true);
			return created;
		});
		this.inboxState.moveToTeam(conversationId, team.id(), true);
	}

	private String previousInbound(long conversationId, long messageId) {
		List<ConversationMessage> messages = this.conversations.messages(conversationId);
		String previous = null;
		for (ConversationMessage message : messages) {
			if (message.id() >= messageId) {
				break;
			}
			if ("IN".equals(message.direction())) {
				previous = message.body();
			}
		}
		return previous;
	}

}
