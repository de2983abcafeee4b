package org.linea.access;

/** Published in the transaction that opened a line, so features can set up what a line needs. */
public record LineCreated(long lineId) {
}
