package org.linea.survey;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.linea.access.Access;
import org.linea.access.Permission;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.LineaUser;
import org.linea.audience.AudienceService;
import org.linea.audience.ConsentPurpose;
import org.linea.channel.ChannelService;
import org.linea.channel.MessageTemplate;
import org.linea.channel.OutboundContent;
import org.linea.contact.Contact;
import org.linea.contact.ContactService;
import org.linea.contact.PhoneNumbers;
import org.linea.access.AuditLog;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.Messages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Surveys of a line: import an XLSForm, invite people in waves, read the results. */
@Service
public class SurveyService {

	private final SurveyStore store;

	private final SurveyRuns runs;

	private final LineService lines;

	private final ContactService contacts;

	private final ChannelService channels;

	private final SurveyProperties properties;

	private final Messages messages;

	private final JdbcClient jdbc;

	private final AudienceService audiences;

	private final AuditLog audit;

	SurveyService(SurveyStore store, SurveyRuns runs, LineService lines, ContactService contacts, ChannelService channels,
			SurveyProperties properties, Messages messages, JdbcClient jdbc, AudienceService audiences, AuditLog audit) {
		this.audiences = audiences;
		this.audit = audit;
		this.store = store;
		this.runs = runs;
		this.lines = lines;
		this.contacts = contacts;
		this.channels = channels;
		this.properties = properties;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	/** Imports an XLSForm; refuses the whole file with every problem found. */
	@Transactional
	public long importForm(String lineKey, byte[] xlsx) {
		Line line = this.lines.requireAccess(lineKey, Permission.SURVEY_MANAGE);
		LineaUser user = Access.require(line.organisationId(), Permission.SURVEY_MANAGE, "error.missing.line", lineKey);
		SurveyForm form = XlsFormReader.read(new ByteArrayInputStream(xlsx));
		long id = this.store.insert(line.id(), form, xlsx, user.id());
		this.audit.record(line.organisationId(), "SURVEY_IMPORTED", "survey", String.valueOf(id),
				Map.of("line", line.key(), "formId", form.formId(), "version", form.version()));
		return id;
	}

	/** A new form on the line, in the line's languages. */
	@Transactional(readOnly = true)
	public SurveyDraft newDraft(String lineKey) {
		return SurveyDraft.empty(this.lines.requireAccess(lineKey, Permission.SURVEY_MANAGE).languages());
	}

	/** The survey's form as the survey page edits it. */
	@Transactional(readOnly = true)
	public SurveyDraft draft(long surveyId) {
		SurveySummary survey = survey(surveyId);
		return SurveyDraft.of(this.store.form(surveyId), this.lines.get(survey.lineId()).languages());
	}

	/** Saves a form written on the survey page, checked as an imported XLSForm is; refuses it with every problem. */
	@Transactional
	public long create(String lineKey, SurveyDraft draft) {
		Line line = this.lines.requireAccess(lineKey, Permission.SURVEY_MANAGE);
		LineaUser user = Access.require(line.organisationId(), Permission.SURVEY_MANAGE, "error.missing.line", lineKey);
		XlsFormWriter.Written written = XlsFormWriter.write(draft);
		SurveyForm form = check(written);
		long id = this.store.insert(line.id(), form, written.xlsx(), user.id(), "BUILDER", null);
		this.audit.record(line.organisationId(), "SURVEY_BUILT", "survey", String.valueOf(id),
				Map.of("line", line.key(), "formId", form.formId(), "version", form.version()));
		return id;
	}

	/**
	 * Saves an edit of a survey. Until anyone is invited the form is changed in place. Once people were
	 * asked it, their answers stay with the questions they were asked: the edit becomes a new survey,
	 * a later version of this one (its version number raised unless the coordinator set one), with its
	 * own waves and results, and this one stays as it was. Returns the id that holds the edit.
	 */
	@Transactional
	public long edit(long surveyId, SurveyDraft draft) {
		SurveySummary survey = survey(surveyId);
		Line line = this.lines.get(survey.lineId());
		LineaUser user = Access.require(line.organisationId(), Permission.SURVEY_MANAGE, "error.missing.survey", surveyId);
		XlsFormWriter.Written written = XlsFormWriter.write(draft);
		SurveyForm form = check(written);
		if (this.store.replaceUnfrozen(surveyId, form, written.xlsx())) {
			this.audit.record(line.organisationId(), "SURVEY_EDITED", "survey", String.valueOf(surveyId),
					Map.of("formId", form.formId(), "version", form.version()));
			return surveyId;
		}
		SurveyForm versioned = form.version().equals(survey.version()) ? form.withVersion(SurveyForm.nextVersion(form.version())) : form;
		long id = this.store.insert(line.id(), versioned, XlsFormWriter.write(versioned), user.id(), "BUILDER", surveyId);
		this.audit.record(line.organisationId(), "SURVEY_VERSIONED", "survey", String.valueOf(id),
				Map.of("previous", surveyId, "formId", versioned.formId(), "version", versioned.version()));
		return id;
	}

	private static SurveyForm check(XlsFormWriter.Written written) {
		try {
			return XlsFormReader.read(new ByteArrayInputStream(written.xlsx()));
		}
		catch (FormRejectedException ex) {
			throw new DraftRejectedException(ex.problems(), written);
		}
	}

	/** The survey's form written as an XLSForm (survey, choices and settings sheets); importing it gives the same form. */
	@Transactional(readOnly = true)
	public byte[] exportXlsform(long surveyId) {
		survey(surveyId);
		return XlsFormWriter.write(this.store.form(surveyId));
	}

	/** The line's approved templates, to invite people outside WhatsApp's 24-hour window. */
	@Transactional(readOnly = true)
	public List<MessageTemplate> invitationTemplates(long surveyId) {
		return this.channels.templates(this.lines.get(survey(surveyId).lineId()));
	}

	/** The later version an edit made of this survey, if any. */
	@Transactional(readOnly = true)
	public java.util.Optional<Long> nextVersion(long surveyId) {
		survey(surveyId);
		return this.store.nextVersion(surveyId);
	}

	/** The forms shipped with Linea that a coordinator may add to a line and send as they are, or edit first. */
	public static final List<String> READY_MADE = List.of("information-needs");

	/**
	 * Adds a ready-made form to the line: the information-needs survey (topics, formats, frequency,
	 * trusted sources, unanswered questions) in es, en, pt, fr and ht, from an XLSForm shipped in resources.
	 */
	@Transactional
	public long addReadyMade(String lineKey, String name) {
		Line line = this.lines.requireAccess(lineKey, Permission.SURVEY_MANAGE);
		LineaUser user = Access.require(line.organisationId(), Permission.SURVEY_MANAGE, "error.missing.line", lineKey);
		if (!READY_MADE.contains(name)) {
			throw this.messages.invalid("survey.readyMade.unknown", name);
		}
		byte[] xlsx = readyMade(name);
		SurveyForm form = XlsFormReader.read(new ByteArrayInputStream(xlsx));
		long id = this.store.insert(line.id(), form, xlsx, user.id(), "READY_MADE", null);
		this.audit.record(line.organisationId(), "SURVEY_IMPORTED", "survey", String.valueOf(id),
				Map.of("line", line.key(), "formId", form.formId(), "version", form.version(), "readyMade", name));
		return id;
	}

	static byte[] readyMade(String name) {
		try (java.io.InputStream in = SurveyService.class.getResourceAsStream("/survey/ready-made/" + name + ".xlsx")) {
			if (in == null) {
				throw new IllegalStateException("The ready-made survey " + name + " is missing from the build");
			}
			return in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Transactional(readOnly = true)
	public List<SurveySummary> surveys(String lineKey) {
		Line line = this.lines.requireAccess(lineKey, Permission.SURVEY_MANAGE);
		return this.store.summaries(line.id());
	}

	@Transactional(readOnly = true)
	public SurveySummary survey(long surveyId) {
		SurveySummary survey = this.store.summary(surveyId);
		this.lines.requireAccess(survey.lineId(), Permission.SURVEY_MANAGE, "error.missing.survey", surveyId);
		return survey;
	}

	@Transactional(readOnly = true)
	public SurveyForm form(long surveyId) {
		survey(surveyId);
		return this.store.form(surveyId);
	}

	/** The XLSForm as it was imported. */
	@Transactional(readOnly = true)
	public byte[] xlsform(long surveyId) {
		survey(surveyId);
		return this.store.xlsform(surveyId);
	}

	/**
	 * Asks each person once per wave; people taking another survey, opted out or out of reach are skipped.
	 * An audience is read as it stands now (consent for SURVEYS, filters), page by page.
	 */
	@Transactional
	public Invited invite(long surveyId, Invitation invitation) {
		SurveySummary survey = survey(surveyId);
		Line line = this.lines.get(survey.lineId());
		List<Contact> people = new ArrayList<>();
		Map<String, Integer> skipped = new TreeMap<>();
		if (invitation.phones() != null) {
			for (String phone : invitation.phones()) {
				String e164 = normalised(phone);
				if (e164 == null) {
					skipped.merge("invalidPhone", 1, Integer::sum);
					continue;
				}
				people.add(this.contacts.findOrCreate(line, e164, null));
			}
		}
		if (invitation.cohortOfWave() != null) {
			this.store.cohort(surveyId, invitation.cohortOfWave()).forEach(id -> people.add(this.contacts.get(id)));
		}
		if (invitation.audience() != null) {
			if (invitation.audience().consent() != ConsentPurpose.SURVEYS) {
				throw this.messages.invalid("survey.invite.audienceSurveys");
			}
			this.audiences.resolve(line, invitation.audience(), ids -> ids.forEach(id -> people.add(this.contacts.get(id))));
		}
		if (invitation.phones() == null && invitation.audience() == null && invitation.cohortOfWave() == null) {
			throw this.messages.invalid("survey.invite.nobody");
		}
		OutboundContent.Template template = template(line, invitation.template());
		// from now on the form is what people answered: an edit becomes a new version
		this.store.freeze(surveyId);
		long waveId = this.store.wave(surveyId, invitation.wave());
		int invited = 0;
		for (Contact contact : people) {
			String reason = reasonToSkip(line, waveId, contact);
			boolean windowOpen = this.channels.replyWindow(line, contact.id()).open();
			if (reason == null && !windowOpen && template == null) {
				reason = "windowClosed";
			}
			if (reason != null) {
				skipped.merge(reason, 1, Integer::sum);
				continue;
			}
			this.runs.start(surveyId, waveId, line, contact, windowOpen ? null : template);
			invited++;
		}
		Invited result = new Invited(this.store.waveNumber(waveId), invited, skipped);
		this.audit.record(line.organisationId(), "SURVEY_INVITED", "survey", String.valueOf(surveyId),
				Map.of("wave", result.wave(), "invited", invited, "skipped", result.skippedCount()));
		return result;
	}

	private static String normalised(String phone) {
		try {
			return phone == null ? null : PhoneNumbers.normalise(phone);
		}
		catch (InvalidRequestException ex) {
			return null;
		}
	}

	private String reasonToSkip(Line line, long waveId, Contact contact) {
		if (contact.optedOut()) {
			return "optedOut";
		}
		if (this.store.invitedInWave(waveId, contact.id())) {
			return "alreadyInvited";
		}
		if (this.store.running(contact.id())) {
			return "busy";
		}
		return null;
	}

	/** The line's approved template an invitation names, with its parameters; refused when the line has no such template. */
	private OutboundContent.Template template(Line line, Invitation.TemplateRef ref) {
		if (ref == null || ref.name() == null || ref.name().isBlank()) {
			return null;
		}
		MessageTemplate approved = this.channels.templates(line)
			.stream()
			.filter(t -> t.name().equals(ref.name().strip()) && (ref.language() == null || ref.language().isBlank()
					|| t.language().equalsIgnoreCase(ref.language().strip())))
			.findFirst()
			.orElseThrow(() -> this.messages.invalid("survey.invite.noTemplate", ref.name()));
		return approved.with(ref.parameters() == null ? List.of() : ref.parameters());
	}

	/** The answers, one row per respondent and wave, with each wave's rates and a chart per question. */
	@Transactional(readOnly = true)
	public SurveyResults results(long surveyId, String language) {
		SurveySummary survey = survey(surveyId);
		SurveyForm form = this.store.form(surveyId);
		List<Question> questions = form.answerable();
		List<String> columns = new ArrayList<>(List.of("respondent", "_wave"));
		questions.forEach(q -> columns.add(q.name()));
		columns.addAll(List.of("_submission_time", "_status"));
		Map<Long, Map<String, String>> answers = new LinkedHashMap<>();
		this.jdbc.sql("""
				select a.session_id, a.question, a.value from survey_answer a join survey_session s on s.id = a.session_id
				where s.survey_id = ?
				""").param(surveyId).query((rs, row) -> answers.computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>())
				.put(rs.getString(2), rs.getString(3) == null ? "" : rs.getString(3))).list();
		List<List<String>> rows = this.jdbc.sql("""
				select s.id, s.respondent_code, w.number, s.status, coalesce(s.finished_at,
				       (select max(answered_at) from survey_answer a where a.session_id = s.id)) as submitted
				from survey_session s join survey_wave w on w.id = s.wave_id
				where s.survey_id = ? and s.answered_at is not null order by w.number, s.id
				""").param(surveyId).query((rs, n) -> {
				Map<String, String> mine = answers.getOrDefault(rs.getLong(1), Map.of());
				List<String> row = new ArrayList<>(List.of(rs.getString(2), String.valueOf(rs.getInt(3))));
				questions.forEach(q -> row.add(mine.getOrDefault(q.name(), "")));
				Timestamp submitted = rs.getTimestamp(5);
				row.add(submitted == null ? "" : submitted.toInstant().toString());
				row.add("COMPLETE".equals(rs.getString(4)) ? "complete" : "partial");
				return row;
			}).list();
		return new SurveyResults(survey, columns, rows, waves(surveyId), charts(form, questions, rows, columns, language));
	}

	/** The results for a file that leaves Linea: free-text answers are personal data, so the download is audited. */
	@Transactional
	public SurveyResults exportResults(long surveyId, String language, String format) {
		SurveyResults results = results(surveyId, language);
		this.audit.record(this.lines.get(results.survey().lineId()).organisationId(), "SURVEY_RESULTS_EXPORTED", "survey",
				String.valueOf(surveyId), Map.of("format", format, "rows", results.rows().size()));
		return results;
	}

	private List<WaveFigures> waves(long surveyId) {
		BigDecimal cost = this.properties.costPerMessage();
		return this.jdbc.sql("""
				select w.number, w.started_at, count(s.id), count(s.answered_at), count(s.id) filter (where s.status = 'COMPLETE'),
				       coalesce(sum(s.messages_sent), 0)
				from survey_wave w left join survey_session s on s.wave_id = w.id
				where w.survey_id = ? group by w.id order by w.number
				""").param(surveyId).query((rs, n) -> {
				BigDecimal total = cost.multiply(BigDecimal.valueOf(rs.getLong(6)));
				int completed = rs.getInt(5);
				return new WaveFigures(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getInt(4), completed,
						rs.getInt(6), total, completed == 0 ? null : total.divide(BigDecimal.valueOf(completed), 4, RoundingMode.HALF_UP),
						this.properties.currency());
			}).list();
	}

	private static List<SurveyResults.Chart> charts(SurveyForm form, List<Question> questions, List<List<String>> rows,
			List<String> columns, String language) {
		List<SurveyResults.Chart> charts = new ArrayList<>();
		for (Question question : questions) {
			int column = columns.indexOf(question.name());
			Map<String, Integer> counts = new LinkedHashMap<>();
			if (question.type().select()) {
				Map<String, String> labels = new LinkedHashMap<>();
				form.choicesOf(question).forEach(c -> labels.put(c.name(), c.label(language, form.defaultLanguage())));
				labels.values().forEach(label -> counts.put(label, 0));
				for (List<String> row : rows) {
					for (String name : row.get(column).split(" ")) {
						if (labels.containsKey(name)) {
							counts.merge(labels.get(name), 1, Integer::sum);
						}
					}
				}
			}
			else if (question.type() == QuestionType.INTEGER || question.type() == QuestionType.DECIMAL) {
				Map<String, Integer> sorted = new TreeMap<>((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
				rows.stream().map(row -> row.get(column)).filter(v -> !v.isBlank()).forEach(v -> sorted.merge(v, 1, Integer::sum));
				counts.putAll(sorted);
			}
			else {
				continue;
			}
			charts.add(new SurveyResults.Chart(question.name(), question.label(language, form.defaultLanguage()), counts));
		}
		return charts;
	}

}
