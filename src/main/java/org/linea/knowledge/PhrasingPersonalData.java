package org.linea.knowledge;

import java.time.Instant;
import java.util.Map;

import org.linea.personaldata.DataSubject;
import org.linea.personaldata.DataTypes;
import org.linea.personaldata.PersonalDataHolder;
import org.linea.personaldata.RetentionTarget;

import org.springframework.stereotype.Component;

/**
 * Learned phrasings are what people wrote: like the bot's unanswered questions they are kept for the
 * line's bot-questions period and erased with the person (the rows go, approved ones leave the
 * bot's index at the bank's next revision). Imported phrasings are the organisation's own text.
 */
@Component
class PhrasingPersonalData implements PersonalDataHolder, RetentionTarget {

	private final PhrasingStore store;

	private final KnowledgeStore bank;

	PhrasingPersonalData(PhrasingStore store, KnowledgeStore bank) {
		this.store = store;
		this.bank = bank;
	}

	@Override
	public String section() {
		return "learnedPhrasings";
	}

	@Override
	public Object export(DataSubject subject) {
		return this.store.ofConversations(subject.conversationArray());
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		this.store.approvedLines(subject.conversationArray()).forEach(this.bank::touch);
		return Map.of(DataTypes.BOT_QUESTIONS, this.store.deleteOfConversations(subject.conversationArray()));
	}

	@Override
	public String dataType() {
		return DataTypes.BOT_QUESTIONS;
	}

	@Override
	public int count(long lineId, Instant before) {
		return this.store.countOlder(lineId, before);
	}

	@Override
	public int erase(long lineId, Instant before) {
		if (this.store.anyApprovedOlder(lineId, before)) {
			this.bank.touch(lineId);
		}
		return this.store.deleteOlder(lineId, before);
	}

	@Override
	public String toString() {
		return "bot_questions in knowledge_phrasing";
	}

}
