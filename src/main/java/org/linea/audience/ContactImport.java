package org.linea.audience;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.linea.access.Permission;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.contact.ConsentEvent;
import org.linea.contact.Contact;
import org.linea.contact.ContactService;
import org.linea.contact.Demographic;
import org.linea.contact.PhoneNumbers;
import org.linea.knowledge.BankFile;
import org.linea.knowledge.ImportFailedException;
import org.linea.knowledge.ImportProblem;
import org.linea.access.AuditLog;
import org.linea.shared.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People brought in with the consent they gave elsewhere (a registration form, a programme
 * enrolment): columns {@code phone,language,consent} and optional {@code tags,location}. Every row is
 * checked before anything is written; one bad row and nothing is imported. Each purpose becomes a
 * GIVEN event in the consent ledger with the import's source, time and wording version.
 */
@Service
public class ContactImport {

	static final List<String> REQUIRED = List.of("phone", "language", "consent");

	static final int MAX_TEXT = 120;

	/** What an import did. */
	public record Result(int rows, int created, int existing) {
	}

	/** A row that passed every check. */
	private record Person(int row, String phone, String language, Set<ConsentPurpose> purposes, List<String> tags, String location) {
	}

	private final LineService lines;

	private final ContactService contacts;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ContactImport(LineService lines, ContactService contacts, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.lines = lines;
		this.contacts = contacts;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @param source where the consent was collected, e.g. "registration form, Tumbes"; the file name when blank
	 * @param wordingVersion the version of the consent wording people were shown
	 * @param consentedAt when they consented; now when null
	 */
	@Transactional
	public Result importFile(String lineKey, BankFile format, InputStream in, String filename, String source, String wordingVersion,
			Instant consentedAt) {
		Line line = this.lines.requireAccess(lineKey, Permission.AUDIENCE_MANAGE);
		Instant at = consentedAt == null ? Instant.now(this.clock) : consentedAt;
		if (at.isAfter(Instant.now(this.clock))) {
			throw new InvalidRequestException("error.audience.consentedat-future");
		}
		String evidence = "import:" + (source == null || source.isBlank() ? (filename == null ? "file" : filename) : source.strip());
		List<Person> people = check(line, format.read(in));
		int created = 0;
		for (Person person : people) {
			Contact contact = this.contacts.findOrCreateImported(line, person.phone(), person.language());
			created += contact.isNew() ? 1 : 0;
			long firstEvent = 0;
			for (ConsentPurpose purpose : person.purposes()) {
				long event = this.contacts.recordConsent(contact.id(), purpose.name(), ConsentEvent.GIVEN, wordingVersion, evidence, at);
				firstEvent = firstEvent == 0 ? event : firstEvent;
			}
			for (String tag : person.tags()) {
				this.jdbc.sql("insert into audience_contact_tag (contact_id, tag) values (?, ?) on conflict do nothing")
					.params(contact.id(), tag)
					.update();
			}
			if (person.location() != null) {
				this.contacts.saveDemographic(contact.id(), Demographic.LOCATION, person.location(), firstEvent);
			}
		}
		this.audit.record(line.organisationId(), "CONTACTS_IMPORTED", "line", line.key(),
				Map.of("rows", people.size(), "created", created, "source", evidence, "wordingVersion", String.valueOf(wordingVersion)));
		return new Result(people.size(), created, people.size() - created);
	}

	private static List<Person> check(Line line, BankFile.Content content) {
		List<ImportProblem> problems = new ArrayList<>();
		for (String column : REQUIRED) {
			if (!content.header().contains(column)) {
				problems.add(new ImportProblem(0, column, "missingColumn", column));
			}
		}
		if (problems.isEmpty() && content.rows().isEmpty()) {
			problems.add(new ImportProblem(0, "", "empty", ""));
		}
		if (!problems.isEmpty()) {
			throw new ImportFailedException(problems);
		}
		List<Person> people = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (BankFile.Row row : content.rows()) {
			int before = problems.size();
			String phone = phone(row, problems);
			String language = row.get("language").toLowerCase(Locale.ROOT);
			if (!line.languages().contains(language)) {
				problems.add(new ImportProblem(row.number(), "language", "language", row.get("language")));
			}
			Set<ConsentPurpose> purposes = purposes(row, problems);
			List<String> tags = split(row.get("tags")).stream().map(Audience::tag).distinct().toList();
			if (tags.stream().anyMatch(t -> t.length() > MAX_TEXT)) {
				problems.add(new ImportProblem(row.number(), "tags", "tooLong", row.get("tags")));
			}
			String location = row.get("location");
			if (location.length() > MAX_TEXT) {
				problems.add(new ImportProblem(row.number(), "location", "tooLong", location));
			}
			if (phone != null) {
				Integer first = seen.putIfAbsent(phone, row.number());
				if (first != null) {
					problems.add(new ImportProblem(row.number(), "phone", "duplicate", Integer.toString(first)));
				}
			}
			if (problems.size() == before) {
				people.add(new Person(row.number(), phone, language, purposes, tags, location.isEmpty() ? null : location));
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportFailedException(problems);
		}
		return people;
	}

	private static String phone(BankFile.Row row, List<ImportProblem> problems) {
		try {
			return PhoneNumbers.normalise(row.get("phone"));
		}
		catch (InvalidRequestException ex) {
			// the number itself is never repeated in the answer: it is personal data
			problems.add(new ImportProblem(row.number(), "phone", row.get("phone").isEmpty() ? "required" : "phone", ""));
			return null;
		}
	}

	private static Set<ConsentPurpose> purposes(BankFile.Row row, List<ImportProblem> problems) {
		Set<ConsentPurpose> purposes = new LinkedHashSet<>();
		List<String> names = split(row.get("consent"));
		if (names.isEmpty()) {
			problems.add(new ImportProblem(row.number(), "consent", "required", ""));
		}
		for (String name : names) {
			try {
				purposes.add(ConsentPurpose.of(name));
			}
			catch (InvalidRequestException ex) {
				problems.add(new ImportProblem(row.number(), "consent", "consent", name));
			}
		}
		return purposes;
	}

	private static List<String> split(String cell) {
		List<String> parts = new ArrayList<>();
		for (String part : cell.split("\\|")) {
			if (!part.isBlank()) {
				parts.add(part.strip());
			}
		}
		return parts;
	}

}
