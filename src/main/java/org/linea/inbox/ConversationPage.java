package org.linea.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.linea.access.AuditLog;
import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.OpeningHours;
import org.linea.access.Permission;
import org.linea.access.UserService;
import org.linea.channel.ChannelService;
import org.linea.contact.Contact;
import org.linea.contact.ContactService;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationMessage;
import org.linea.conversation.ConversationService;
import org.linea.feedback.coding.FeedbackCodingService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One conversation as an operator opens it: its messages, holder, team, colleagues, referrals, coding
 * and reply window. Opening it marks it read (and its mentions of the user seen) and is audited.
 */
@Service
public class ConversationPage {

	private final ConversationService conversations;

	private final InboxAccess access;

	private final MessageViews messageViews;

	private final UserService users;

	private final TeamService teams;

	private final ContactService contacts;

	private final FeedbackCodingService coding;

	private final ChannelService channels;

	private final ReadMarkers readMarkers;

	private final NotesAndMentions mentions;

	private final Referrals referrals;

	private final AuditLog audit;

	private final Clock clock;

	ConversationPage(ConversationService conversations, InboxAccess access, MessageViews messageViews, UserService users,
			TeamService teams, ContactService contacts, FeedbackCodingService coding, ChannelService channels, ReadMarkers readMarkers,
			NotesAndMentions mentions, Referrals referrals, AuditLog audit, Clock clock) {
		this.conversations = conversations;
		this.access = access;
		this.messageViews = messageViews;
		this.users = users;
		this.teams = teams;
		this.contacts = contacts;
		this.coding = coding;
		this.channels = channels;
		this.readMarkers = readMarkers;
		this.mentions = mentions;
		this.referrals = referrals;
		this.audit = audit;
		this.clock = clock;
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
		this.readMarkers.markRead(me.id(), conversationId, messages.isEmpty() ? 0 : messages.getLast().id());
		this.mentions.seen(me.id(), conversationId);
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
				views, lineTeams, List.copyOf(colleagues.values()), this.referrals.of(conversationId),
				this.coding.codingOf(conversationId).orElse(null), this.channels.replyWindow(line, conversation.contactId()),
				this.channels.templates(line),
				InboxQueue.overdue(line, OpeningHours.parse(line.openingHours()), conversation, Instant.now(this.clock)),
				!this.conversations.withDeliveryInDoubt(List.of(conversationId)).isEmpty());
	}

}
