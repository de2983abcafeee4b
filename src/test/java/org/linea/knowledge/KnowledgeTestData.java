package org.linea.knowledge;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Banks read from a file without the database, for tests and matcher tuning. */
public final class KnowledgeTestData {

	private KnowledgeTestData() {
	}

	/** The file's entries as validated entries of a line that is not stored anywhere. */
	public static List<KnowledgeEntry> validatedEntries(InputStream csv) {
		BankRows.Result result = BankRows.parse(BankFile.CSV.read(csv));
		if (!result.problems().isEmpty()) {
			throw new IllegalArgumentException("Bank file problems: " + result.problems());
		}
		List<KnowledgeEntry> entries = new ArrayList<>();
		long id = 1;
		for (BankRows.Parsed parsed : result.entries()) {
			entries.add(new KnowledgeEntry(id++, 0, EntryStatus.VALIDATED, 1, parsed.content(), Instant.EPOCH, "test"));
		}
		return entries;
	}

}
