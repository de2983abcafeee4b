package org.linea.channel.simulator;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.linea.access.Requires;
import org.linea.access.Permission;
import org.linea.access.Line;
import org.linea.channel.ReceiveResult;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/simulator/{lineKey}")
@Tag(name = "Simulator", description = "Write to a simulator line as a person would, and read what they received")
@Requires(Permission.SIMULATOR_USE)
class SimulatorApiController {

	private final SimulatorService simulator;

	SimulatorApiController(SimulatorService simulator) {
		this.simulator = simulator;
	}

	@PostMapping("/messages")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Take a message as if the person with this number wrote it")
	Accepted write(@PathVariable String lineKey, @Valid @RequestBody SimulatedMessageRequest request) {
		Line line = this.simulator.requireLine(lineKey);
		ReceiveResult result = this.simulator.write(line, request);
		return new Accepted(result.inboundId(), result.duplicate());
	}

	@GetMapping("/contacts/{from}/messages")
	@Operation(summary = "The conversation on this person's phone, both directions, oldest first, with statuses")
	List<SimulatorMessage> thread(@PathVariable String lineKey, @PathVariable String from) {
		return this.simulator.thread(this.simulator.requireLine(lineKey), from);
	}

	record Accepted(long id, boolean duplicate) {
	}

}
