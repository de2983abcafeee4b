package org.linea.bot;

import java.util.List;

import org.linea.bot.BankIndex.Scored;

/** Reorders the bank's candidates for a message; the lexical order when there is nothing to add. */
interface Reranker {

	Reranker NONE = (text, found) -> found;

	List<Scored> rerank(String text, List<Scored> found);

}
