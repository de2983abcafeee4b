package org.linea.inbox;

/**
 * A validated answer an operator can insert in the composer.
 *
 * @param text the answer in the conversation's language (or the line's default), with its links
 * @param otherLanguage whether the entry had no answer in the conversation's language
 */
record QuickReply(String key, String kind, String question, String text, boolean otherLanguage) {
}
