package org.linea.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.linea.access.CurrentUser;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.OpeningHours;
import org.linea.access.Permission;
import org.linea.access.UserService;
import org.linea.channel.ChannelService;
import org.linea.channel.ReplyWindow;
import org.linea.conversation.Conversation;
import org.linea.conversation.ConversationQueued;
import org.linea.conversation.ConversationService;
import org.linea.conversation.ConversationState;
import org.linea.conversation.QueueFilter;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queues: which lines and teams the current user works in, and the open conversations waiting
 * there with their unread counts, reply windows and response-time objectives. A restricted
 * conversation shows its code and times only ({@link InboxAccess}).
 */
@Service
public class InboxQueue {

	/** More than this is not read by anyone: the list says to narrow the filters instead. */
	static final int QUEUE_LIMIT = 150;

	private final LineService lines;

	private final ConversationService conversations;

	private final InboxState state;

	private final InboxAccess access;

	private final UserService users;

	private final TeamService teams;

	private final ReadMarkers readMarkers;

	private final ChannelService channels;

	private final Clock clock;

	InboxQueue(LineService lines, ConversationService conversations, InboxState state, InboxAccess access, UserService users,
			TeamService teams, ReadMarkers readMarkers, ChannelService channels, Clock clock) {
		this.lines = lines;
		this.conversations = conversations;
		this.state = state;
		this.access = access;
		this.users = users;
		this.teams = teams;
		this.readMarkers = readMarkers;
		this.channels = channels;
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
		Map<Long, Integer> unread = this.readMarkers.unread(me, rows.stream().map(Conversation::id).toList());
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

	/** End of the free-form reply window for the list: null on channels without one, long past if the person never wrote. */
	private static Instant windowClosesAt(ReplyWindow window) {
		if (!window.applies()) {
			return null;
		}
		return window.closesAt() == null ? Instant.EPOCH : window.closesAt();
	}

	/** Waiting longer than the line's response-time objective, counting only the time the line was open. */
	static boolean overdue(Line line, OpeningHours hours, Conversation conversation, Instant now) {
		if (conversation.waitingSince() == null) {
			return false;
		}
		return hours.openBetween(conversation.waitingSince(), now, line.timeZone())
			.compareTo(Duration.ofMinutes(line.firstResponseMinutes())) > 0;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
