package org.linea.audience;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.linea.access.Line;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audiences read from the consent ledger: a person is in when their latest event for the purpose
 * (or a later "stop everything", {@link ConsentPurpose#ALL_MESSAGES}) is GIVEN, they have not opted
 * out, and they were not erased. Callers check the user's access to the line.
 */
@Service
public class AudienceService {

	/** Ids per page when an audience is read in pages. */
	public static final int PAGE = 5_000;

	private final JdbcClient jdbc;

	AudienceService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many people the audience reaches now. */
	@Transactional(readOnly = true)
	public long count(Line line, Audience audience) {
		AudienceQuery query = query(line, audience);
		return this.jdbc.sql("select count(*) from (" + query.sql() + ") a").params(query.params()).query(Long.class).single();
	}

	/** One page of the audience's contact ids, in id order, after the given id (0 for the first page). */
	@Transactional(readOnly = true)
	public List<Long> page(Line line, Audience audience, long afterId, int limit) {
		AudienceQuery query = query(line, audience);
		List<Object> params = new ArrayList<>(query.params());
		params.add(afterId);
		params.add(limit);
		return this.jdbc.sql(query.sql() + " and c.id > ? order by c.id limit ?").params(params).query(Long.class).list();
	}

	/** Hands the audience's contact ids to the consumer page by page, never holding all of them. */
	public void resolve(Line line, Audience audience, Consumer<List<Long>> pages) {
		long after = 0;
		while (true) {
			List<Long> ids = page(line, audience, after, PAGE);
			if (ids.isEmpty()) {
				return;
			}
			pages.accept(Collections.unmodifiableList(ids));
			if (ids.size() < PAGE) {
				return;
			}
			after = ids.getLast();
		}
	}

	/** Whether one person is in the audience now (consent may have changed since the audience was read). */
	@Transactional(readOnly = true)
	public boolean includes(Line line, Audience audience, long contactId) {
		AudienceQuery query = query(line, audience);
		List<Object> params = new ArrayList<>(query.params());
		params.add(contactId);
		return this.jdbc.sql(query.sql() + " and c.id = ?").params(params).query(Long.class).optional().isPresent();
	}

	/** The audience as SQL selecting {@code c.id}, to which callers may append {@code and ...} conditions. */
	public AudienceQuery query(Line line, Audience audience) {
		audience.validated();
		StringBuilder sql = new StringBuilder("""
				select c.id from contact_contact c
				where c.line_id = ? and c.erased_at is null and c.opted_out_at is null and c.phone_encrypted is not null
				  and (select e.event from contact_consent_event e
				       where e.contact_id = c.id and e.purpose in (?, ?)
				       order by e.occurred_at desc, e.id desc limit 1) = 'GIVEN'
				""");
		List<Object> params = new ArrayList<>(List.of(line.id(), audience.consent().name(), ConsentPurpose.ALL_MESSAGES));
		if (!audience.languages().isEmpty()) {
			sql.append(" and c.language in (").append(placeholders(audience.languages().size())).append(')');
			params.addAll(audience.languages());
		}
		if (!audience.tags().isEmpty()) {
			sql.append(" and exists (select 1 from audience_contact_tag t where t.contact_id = c.id and t.tag in (")
				.append(placeholders(audience.tags().size()))
				.append("))");
			params.addAll(audience.tags());
		}
		if (audience.location() != null) {
			sql.append(" and exists (select 1 from contact_demographics d where d.contact_id = c.id and lower(d.location) = lower(?))");
			params.add(audience.location());
		}
		if (audience.lastContactDays() != null) {
			sql.append(" and exists (select 1 from conversation_conversation cc where cc.contact_id = c.id")
				.append(" and cc.last_inbound_at >= now() - make_interval(days => ?))");
			params.add(audience.lastContactDays());
		}
		return new AudienceQuery(sql.toString(), List.copyOf(params));
	}

	private static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

}
