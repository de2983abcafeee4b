package org.linea.channel;

/** A line's provider account was connected or changed: what a node keeps of it is out of date. */
public record ProviderAccountSaved(long lineId) {
}
