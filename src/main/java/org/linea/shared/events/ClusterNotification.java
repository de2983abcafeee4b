package org.linea.shared.events;

/** A notification sent through PostgreSQL, delivered as a local event on every node (the sender too). */
public record ClusterNotification(String channel, String payload) {
}
