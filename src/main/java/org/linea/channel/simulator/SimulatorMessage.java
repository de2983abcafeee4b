package org.linea.channel.simulator;

import java.time.Instant;

/**
 * One message on a simulated phone.
 *
 * @param direction {@code IN} when the person sent it, {@code OUT} when Linea sent it to the person
 * @param status RECEIVED for the person's messages; DELIVERED or READ for Linea's
 */
public record SimulatorMessage(String id, String direction, String text, String status, Instant at) {
}
