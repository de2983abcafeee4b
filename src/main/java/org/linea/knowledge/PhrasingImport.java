package org.linea.knowledge;

/**
 * What an import of labelled phrasings did.
 *
 * @param imported new phrasings, approved
 * @param unchanged rows whose phrasing the entry already had
 */
public record PhrasingImport(int imported, int unchanged) {
}
