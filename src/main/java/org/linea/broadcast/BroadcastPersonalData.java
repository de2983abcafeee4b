package org.linea.broadcast;

import java.util.Map;

import org.linea.contact.ContactErased;
import org.linea.personaldata.DataSubject;
import org.linea.personaldata.PersonalDataHolder;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The broadcasts a person was sent (in their export; the rows hold no words or number of theirs, so
 * they stay for the campaigns' counts). An erased person still waiting in a broadcast is taken out.
 */
@Component
class BroadcastPersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	BroadcastPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "broadcasts";
	}

	@Override
	public Object export(DataSubject subject) {
		return this.jdbc.sql("""
				select c.name, r.status, coalesce(r.reason, '') as reason, coalesce(r.enqueued_at, r.updated_at) as at
				from broadcast_recipient r join broadcast_campaign c on c.id = r.campaign_id
				where r.contact_id = ? order by r.id
				""").param(subject.contactId()).query((rs, n) -> Map.of("broadcast", rs.getString(1), "status", rs.getString(2),
				"reason", rs.getString(3), "at", rs.getTimestamp(4).toInstant().toString())).list();
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		return Map.of("broadcastsWaiting", cancelWaiting(subject.contactId()));
	}

	@EventListener
	void erased(ContactErased erased) {
		cancelWaiting(erased.contactId());
	}

	private int cancelWaiting(long contactId) {
		return this.jdbc.sql("update broadcast_recipient set status = 'CANCELLED', updated_at = now() where contact_id = ? and status = 'QUEUED'")
			.param(contactId)
			.update();
	}

}
