package org.linea.knowledge;

/** A topic of a line's bank; entries name it by slug. */
public record Topic(String slug, String name) {
}
