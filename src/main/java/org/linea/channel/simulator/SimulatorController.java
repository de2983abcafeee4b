package org.linea.channel.simulator;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.linea.access.Requires;
import org.linea.access.Permission;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.ChannelType;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.Messages;
import org.linea.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The simulated phone in the browser: pick a made-up number and write as a person would. */
@Controller
@Requires(Permission.SIMULATOR_USE)
class SimulatorController {

	private final SimulatorService simulator;

	private final LineService lines;

	private final Messages messages;

	SimulatorController(SimulatorService simulator, LineService lines, Messages messages) {
		this.messages = messages;
		this.simulator = simulator;
		this.lines = lines;
	}

	@GetMapping("/simulator")
	String page(@RequestParam(required = false) String line, Model model) {
		List<Line> simulatorLines = this.lines.accessibleLines(Permission.SIMULATOR_USE)
			.stream()
			.filter(l -> l.channelType() == ChannelType.SIMULATOR)
			.toList();
		model.addAttribute("lines", simulatorLines);
		simulatorLines.stream()
			.filter(l -> line == null || l.key().equals(line))
			.findFirst()
			.or(() -> simulatorLines.stream().findFirst())
			.ifPresent(l -> model.addAttribute("line", l));
		model.addAttribute("phone", "+519" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)));
		return "simulator/simulator";
	}

	@PostMapping("/simulator/{lineKey}/send")
	String send(@PathVariable String lineKey, @RequestParam String from, @RequestParam String text, Model model) {
		Line line = this.simulator.requireLine(lineKey);
		try {
			this.simulator.write(line, new SimulatedMessageRequest(from, text, null));
		}
		catch (InvalidRequestException ex) {
			// the thread is shown anyway, with why the message was not written
			model.addAttribute("error", this.messages.of(ex));
		}
		return thread(line, from, model);
	}

	@PostMapping("/simulator/{lineKey}/thread")
	String thread(@PathVariable String lineKey, @RequestParam String from, Model model) {
		return thread(this.simulator.requireLine(lineKey), from, model);
	}

	private String thread(Line line, String from, Model model) {
		model.addAttribute("line", line);
		try {
			this.simulator.read(line, from);
			model.addAttribute("messages", this.simulator.thread(line, from));
		}
		catch (InvalidRequestException ex) {
			model.addAttribute("error", this.messages.of(ex));
			model.addAttribute("messages", List.of());
		}
		catch (NotFoundException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("messages", List.of());
		}
		return "simulator/thread :: thread";
	}

}
