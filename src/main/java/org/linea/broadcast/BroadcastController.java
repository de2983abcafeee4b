package org.linea.broadcast;

import java.util.List;
import java.util.function.LongFunction;

import org.linea.access.Permission;
import org.linea.access.Requires;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.channel.ChannelService;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The broadcasts pages: a line's broadcasts with a form for a new one, and one broadcast with its live progress. */
@Controller
@Requires(Permission.BROADCAST_SEND)
@RedirectOnRefusal("/broadcasts/{id}")
class BroadcastController {

	private final BroadcastService broadcasts;

	private final BroadcastPreviews previews;

	private final BroadcastLiveUpdates live;

	private final LineService lines;

	private final ChannelService channels;

	BroadcastController(BroadcastService broadcasts, BroadcastPreviews previews, BroadcastLiveUpdates live, LineService lines,
			ChannelService channels) {
		this.broadcasts = broadcasts;
		this.previews = previews;
		this.live = live;
		this.lines = lines;
		this.channels = channels;
	}

	@GetMapping("/broadcasts")
	String list(@RequestParam(required = false) String line, Model model) {
		List<Line> mine = this.lines.accessibleLines(Permission.BROADCAST_SEND);
		Line chosen = mine.stream().filter(l -> l.key().equals(line)).findFirst().orElse(mine.isEmpty() ? null : mine.getFirst());
		model.addAttribute("lines", mine);
		model.addAttribute("line", chosen);
		if (chosen != null) {
			model.addAttribute("broadcasts", this.broadcasts.list(chosen.key()));
			model.addAttribute("templates", this.channels.templates(chosen));
		}
		return "broadcast/broadcasts";
	}

	@PostMapping("/broadcasts/lines/{lineKey}")
	@RedirectOnRefusal("/broadcasts?line={lineKey}")
	String create(@PathVariable String lineKey, BroadcastForm form, RedirectAttributes redirect) {
		long id = this.broadcasts.create(lineKey, form.request());
		return "redirect:/broadcasts/" + id;
	}

	@GetMapping("/broadcasts/{id}")
	String show(@PathVariable long id, Model model) {
		progressModel(id, model);
		model.addAttribute("preview", this.previews.of(id));
		return "broadcast/broadcast";
	}

	@GetMapping("/broadcasts/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		progressModel(id, model);
		return "broadcast/broadcast :: progress";
	}

	@GetMapping(path = "/broadcasts/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events(@PathVariable long id) {
		return this.live.subscribe(this.broadcasts.get(id));
	}

	@PostMapping("/broadcasts/{id}/start")
	String start(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, this.broadcasts::start, redirect);
	}

	@PostMapping("/broadcasts/{id}/pause")
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, this.broadcasts::pause, redirect);
	}

	@PostMapping("/broadcasts/{id}/resume")
	String resume(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, this.broadcasts::resume, redirect);
	}

	@PostMapping("/broadcasts/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, this.broadcasts::cancel, redirect);
	}

	private String act(long id, LongFunction<Broadcast> action, RedirectAttributes redirect) {
		action.apply(id);
		return "redirect:/broadcasts/" + id;
	}

	private void progressModel(long id, Model model) {
		model.addAttribute("broadcast", this.broadcasts.get(id));
		model.addAttribute("failures", this.broadcasts.failures(id));
		model.addAttribute("fallbacks", this.broadcasts.smsFallbacks(id));
	}

}
