package org.linea.audience;

import java.util.List;
import java.util.Map;

import org.linea.personaldata.DataSubject;
import org.linea.personaldata.PersonalDataHolder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tags a person was imported with: in their export, gone when they are erased. */
@Component
class AudiencePersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	AudiencePersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "audienceTags";
	}

	@Override
	public Object export(DataSubject subject) {
		List<String> tags = this.jdbc.sql("select tag from audience_contact_tag where contact_id = ? order by tag")
			.param(subject.contactId())
			.query(String.class)
			.list();
		return tags;
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		return Map.of("audienceTags",
				this.jdbc.sql("delete from audience_contact_tag where contact_id = ?").param(subject.contactId()).update());
	}

}
