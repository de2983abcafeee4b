package org.linea.access;

/** A National Society or NGO that runs one or more lines. */
public record Organisation(long id, String slug, String name) {
}
