package org.linea.web.session;

import jakarta.servlet.http.HttpSession;
import org.linea.access.AccessWithdrawn;
import org.linea.access.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends every session of a user whose password was set, role taken away or account disabled, on every
 * node (the sessions are rows in PostgreSQL, found by the principal-name index). Users changing their
 * own password keep the session they did it from.
 */
@Component
class EndSessionsOnAccessWithdrawn {

	private static final Logger log = LoggerFactory.getLogger(EndSessionsOnAccessWithdrawn.class);

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	EndSessionsOnAccessWithdrawn(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@EventListener
	void withdrawn(AccessWithdrawn event) {
		String keep = currentSessionOf(event.userId());
		int ended = 0;
		for (String id : this.sessions.findByPrincipalName(event.username()).keySet()) {
			if (!id.equals(keep)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		if (ended > 0) {
			log.info("Ended {} session(s) of user={}", ended, event.userId());
		}
	}

	/** The id of the session this request runs in, when it is the affected user's own. */
	private static String currentSessionOf(long userId) {
		boolean self = CurrentUser.find().map(user -> user.id() == userId).orElse(false);
		if (self && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			return session == null ? null : session.getId();
		}
		return null;
	}

}
