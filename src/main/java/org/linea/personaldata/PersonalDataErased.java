package org.linea.personaldata;

/**
 * Personal data of a line was erased (a purge, a retention run, a person's erasure): holders of
 * derived copies in memory (caches, indexes built from people's words) drop theirs.
 */
public record PersonalDataErased(long lineId) {
}
