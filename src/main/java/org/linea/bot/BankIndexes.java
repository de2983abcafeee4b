package org.linea.bot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.linea.access.Line;
import org.linea.knowledge.KnowledgeService;
import org.linea.knowledge.PhrasingService;
import org.linea.personaldata.PersonalDataErased;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each line's index, kept in memory and rebuilt when the bank's revision in the database moved on, so
 * a change made on any node reaches the bot on every node at its next message. Approved learned
 * phrasings are indexed with their entry (approving one raises the revision).
 */
@Component
class BankIndexes {

	private record Built(long revision, BankIndex index) {
	}

	private final KnowledgeService knowledge;

	private final Map<String, BankAnalysis> analyses = new ConcurrentHashMap<>();

	private final Map<Long, Built> built = new ConcurrentHashMap<>();

	private final PhrasingService phrasings;

	BankIndexes(KnowledgeService knowledge, PhrasingService phrasings) {
		this.knowledge = knowledge;
		this.phrasings = phrasings;
	}

	/** The spelling corrections an index learns are people's words: they go with the erased data. */
	@EventListener
	void erased(PersonalDataErased erased) {
		this.built.remove(erased.lineId());
	}

	BankIndex of(Line line) {
		long revision = this.knowledge.revision(line.id());
		Built current = this.built.get(line.id());
		if (current != null && current.revision() == revision) {
			return current.index();
		}
		BankAnalysis analysis = this.analyses.computeIfAbsent(line.defaultLanguage(), BankAnalysis::new);
		BankIndex index = BankIndex.build(analysis, this.knowledge.validated(line.id()), this.phrasings.approved(line.id()));
		this.built.put(line.id(), new Built(revision, index));
		return index;
	}

}
