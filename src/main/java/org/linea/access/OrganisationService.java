package org.linea.access;

import java.util.List;

import org.linea.access.Permission;
import org.linea.shared.InvalidRequestException;
import org.linea.shared.Messages;
import org.linea.shared.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrganisationService {

	private final JdbcClient jdbc;

	private final Messages messages;

	OrganisationService(JdbcClient jdbc, Messages messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	public List<Organisation> all() {
		return this.jdbc.sql("select id, slug, name from admin_organisation order by name").query(Organisation.class).list();
	}

	/** The organisations the current user administers: every one for an installation administrator. */
	@Transactional(readOnly = true)
	public List<Organisation> administered() {
		LineaUser me = CurrentUser.require();
		return all().stream().filter(o -> me.can(o.id(), Permission.ORG_ADMIN)).toList();
	}

	@Transactional(readOnly = true)
	public Organisation get(long id) {
		return this.jdbc.sql("select id, slug, name from admin_organisation where id = ?")
			.param(id)
			.query(Organisation.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("error.missing.organisation", id));
	}

	@Transactional
	public Organisation create(String slug, String name) {
		if (slug == null || !slug.matches("[a-z0-9][a-z0-9-]{1,39}")) {
			throw this.messages.invalid("linea.validation.organisationSlug");
		}
		if (name == null || name.isBlank() || name.strip().length() > 120) {
			throw this.messages.invalid("linea.validation.organisationName");
		}
		try {
			long id = this.jdbc.sql("insert into admin_organisation (slug, name) values (?, ?) returning id")
				.params(slug, name.strip())
				.query(Long.class)
				.single();
			return get(id);
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidRequestException("error.access.organisation-short-name-already", slug);
		}
	}

}
