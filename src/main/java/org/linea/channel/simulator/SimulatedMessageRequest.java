package org.linea.channel.simulator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A message as a person would write it on the simulated phone.
 *
 * @param from the person's number in international form, e.g. {@code +51987654321}
 * @param text what they wrote
 * @param id optional message id; sending the same id twice stands for a provider's redelivery
 */
public record SimulatedMessageRequest(@NotBlank @Size(max = 20) String from, @NotBlank @Size(max = 4096) String text,
		@Size(max = 128) @Pattern(regexp = "[A-Za-z0-9._:-]*") String id) {
}
