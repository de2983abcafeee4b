package org.linea.inbox;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.linea.conversation.ConversationEvent;
import org.linea.shared.events.ClusterNotification;
import org.linea.shared.events.ClusterNotifications;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Keeps every open inbox up to date. A conversation change is announced through PostgreSQL when its
 * transaction commits; each node then tells its own browsers (Server-Sent Events) which of their
 * lines changed: {@code queue} for the list, {@code conversation-<id>} for an open conversation.
 */
@Component
class InboxLiveUpdates {

	static final String CHANNEL = "linea_inbox";

	private final ClusterNotifications notifications;

	private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();

	InboxLiveUpdates(ClusterNotifications notifications) {
		this.notifications = notifications;
	}

	/** Inside the changing transaction: PostgreSQL delivers a NOTIFY only when that transaction commits. */
	@EventListener
	void announce(ConversationEvent change) {
		this.notifications.notify(CHANNEL, change.lineId() + ":" + change.conversationId() + ":" + change.kind());
	}

	@EventListener
	void deliver(ClusterNotification notification) {
		if (!CHANNEL.equals(notification.channel())) {
			return;
		}
		String[] parts = notification.payload().split(":");
		long lineId = Long.parseLong(parts[0]);
		String conversationId = parts[1];
		for (Subscriber subscriber : this.subscribers) {
			if (subscriber.lineIds().contains(lineId)) {
				send(subscriber, SseEmitter.event().name("queue").data(conversationId));
				send(subscriber, SseEmitter.event().name("conversation-" + conversationId).data(parts[2]));
			}
		}
	}

	SseEmitter subscribe(Set<Long> lineIds) {
		SseEmitter emitter = new SseEmitter(0L);
		Subscriber subscriber = new Subscriber(emitter, Set.copyOf(lineIds));
		this.subscribers.add(subscriber);
		emitter.onCompletion(() -> this.subscribers.remove(subscriber));
		emitter.onTimeout(() -> this.subscribers.remove(subscriber));
		emitter.onError(error -> this.subscribers.remove(subscriber));
		send(subscriber, SseEmitter.event().comment("connected"));
		return emitter;
	}

	/** A comment every 20 seconds keeps proxies from closing idle streams and finds dead browsers. */
	@Scheduled(fixedRate = 20_000)
	void heartbeat() {
		this.subscribers.forEach(subscriber -> send(subscriber, SseEmitter.event().comment("ping")));
	}

	/** On shutdown the streams end, so a graceful stop does not wait for them; browsers reconnect elsewhere. */
	@EventListener(ContextClosedEvent.class)
	void closeStreams() {
		this.subscribers.forEach(subscriber -> subscriber.emitter().complete());
		this.subscribers.clear();
	}

	private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
		try {
			subscriber.emitter().send(event);
		}
		catch (IOException | IllegalStateException ex) {
			this.subscribers.remove(subscriber);
			subscriber.emitter().completeWithError(ex);
		}
	}

	private record Subscriber(SseEmitter emitter, Set<Long> lineIds) {
	}

}
