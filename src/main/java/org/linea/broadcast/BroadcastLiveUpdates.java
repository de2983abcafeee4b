package org.linea.broadcast;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.linea.access.LineService;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live progress of the broadcasts open in browsers: once a second each node reads the counts of the
 * broadcasts its browsers watch (any node may be sending them) and, when they changed, sends a
 * {@code progress} event (Server-Sent Events); the page then fetches its progress fragment.
 */
@Component
class BroadcastLiveUpdates {

	private record Watcher(long broadcastId, long lineId, SseEmitter emitter) {
	}

	private final BroadcastService broadcasts;

	private final LineService lines;

	private final CopyOnWriteArrayList<Watcher> watchers = new CopyOnWriteArrayList<>();

	private final Map<Long, String> lastSeen = new ConcurrentHashMap<>();

	BroadcastLiveUpdates(BroadcastService broadcasts, LineService lines) {
		this.broadcasts = broadcasts;
		this.lines = lines;
	}

	/** The caller has checked the user may see the broadcast. */
	SseEmitter subscribe(Broadcast broadcast) {
		SseEmitter emitter = new SseEmitter(0L);
		long lineId = this.lines.findByKey(broadcast.line()).orElseThrow().id();
		Watcher watcher = new Watcher(broadcast.id(), lineId, emitter);
		this.watchers.add(watcher);
		emitter.onCompletion(() -> this.watchers.remove(watcher));
		emitter.onTimeout(() -> this.watchers.remove(watcher));
		emitter.onError(error -> this.watchers.remove(watcher));
		send(watcher, SseEmitter.event().comment("connected"));
		return emitter;
	}

	@Scheduled(fixedRate = 1000)
	void tick() {
		if (this.watchers.isEmpty()) {
			this.lastSeen.clear();
			return;
		}
		Map<Long, String> now = new ConcurrentHashMap<>();
		for (Watcher watcher : this.watchers) {
			String state = now.computeIfAbsent(watcher.broadcastId(), id -> {
				Broadcast b = this.broadcasts.read(id, this.lines.get(watcher.lineId()));
				return b.status() + ":" + b.counts();
			});
			if (!state.equals(this.lastSeen.get(watcher.broadcastId()))) {
				send(watcher, SseEmitter.event().name("progress").data(watcher.broadcastId()));
			}
		}
		this.lastSeen.clear();
		this.lastSeen.putAll(now);
	}

	@EventListener(ContextClosedEvent.class)
	void closeStreams() {
		this.watchers.forEach(watcher -> watcher.emitter().complete());
		this.watchers.clear();
	}

	private void send(Watcher watcher, SseEmitter.SseEventBuilder event) {
		try {
			watcher.emitter().send(event);
		}
		catch (IOException | IllegalStateException ex) {
			this.watchers.remove(watcher);
		}
	}

}
