package org.linea.feedback.coding;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.linea.shared.InvalidRequestException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organisation's codebook of topics: categories and codes under the feedback types of the IFRC
 * community feedback coding framework. An organisation starts with the default one shipped with Linea
 * ({@code feedback/default-codebook.csv}) and edits it; codes are never deleted, only retired, so old
 * records keep their meaning.
 */
@Service
public class Codebook {

	private static final CSVFormat DEFAULT_FILE = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

	private final JdbcClient jdbc;

	private final List<CSVRecord> defaults;

	Codebook(JdbcClient jdbc) throws IOException {
		this.jdbc = jdbc;
		try (Reader reader = new InputStreamReader(new ClassPathResource("feedback/default-codebook.csv").getInputStream(),
				StandardCharsets.UTF_8)) {
			this.defaults = DEFAULT_FILE.parse(reader).getRecords();
		}
	}

	/** The organisation's codebook, the default one if it has none yet. */
	@Transactional
	public List<CodebookEntry> entries(long organisationId) {
		seedIfEmpty(organisationId);
		return this.jdbc.sql("""
				select id, category, code, label_es, label_en, active from feedback_codebook_entry
				where organisation_id = ? order by category, code
				""").param(organisationId).query(CodebookEntry.class).list();
	}

	/** The codes operators may pick when coding. */
	@Transactional
	public List<String> activeCodes(long organisationId) {
		return entries(organisationId).stream().filter(CodebookEntry::active).map(CodebookEntry::code).toList();
	}

	@Transactional
	public void save(long organisationId, String category, String code, String labelEs, String labelEn) {
		String normalised = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
		if (!normalised.matches("[a-z0-9_]{2,40}") || blank(category) || blank(labelEs) || blank(labelEn)) {
			throw new InvalidRequestException("error.feedback.code-2-40-letters");
		}
		seedIfEmpty(organisationId);
		this.jdbc.sql("""
				insert into feedback_codebook_entry (organisation_id, category, code, label_es, label_en) values (?, ?, ?, ?, ?)
				on conflict (organisation_id, code) do update set category = excluded.category, label_es = excluded.label_es,
				    label_en = excluded.label_en, active = true
				""").params(organisationId, category.strip().toLowerCase(Locale.ROOT), normalised, labelEs.strip(), labelEn.strip())
			.update();
	}

	@Transactional
	public void setActive(long organisationId, long entryId, boolean active) {
		this.jdbc.sql("update feedback_codebook_entry set active = ? where id = ? and organisation_id = ?")
			.params(active, entryId, organisationId)
			.update();
	}

	private void seedIfEmpty(long organisationId) {
		boolean any = this.jdbc.sql("select exists (select 1 from feedback_codebook_entry where organisation_id = ?)")
			.param(organisationId).query(Boolean.class).single();
		if (any) {
			return;
		}
		for (CSVRecord entry : this.defaults) {
			this.jdbc.sql("""
					insert into feedback_codebook_entry (organisation_id, category, code, label_es, label_en) values (?, ?, ?, ?, ?)
					on conflict do nothing
					""").params(organisationId, entry.get("category"), entry.get("code"), entry.get("label_es"), entry.get("label_en"))
				.update();
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
