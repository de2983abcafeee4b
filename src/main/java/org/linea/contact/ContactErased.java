package org.linea.contact;

/** A person's identifiers were erased (by request or by retention): modules let go of what they hold open for them. */
public record ContactErased(long contactId, long lineId) {
}
