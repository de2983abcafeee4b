package org.linea.knowledge;

/** What an import did: entries created, changed, and left as they were because nothing differed. */
public record ImportResult(int created, int updated, int unchanged) {
}
