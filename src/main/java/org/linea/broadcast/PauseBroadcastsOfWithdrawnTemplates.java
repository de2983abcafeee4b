package org.linea.broadcast;

import org.linea.channel.TemplateStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When the provider pauses, disables or rejects a template, the line's running and scheduled broadcasts
 * that send it pause ({@code pause_reason} TEMPLATE_NOT_APPROVED) rather than fail person after person
 * (Meta's 132015, 132016). They resume only when someone resumes them, which is refused while the
 * template is still not approved.
 */
@Component
class PauseBroadcastsOfWithdrawnTemplates {

	static final String REASON = "TEMPLATE_NOT_APPROVED";

	private static final Logger log = LoggerFactory.getLogger(PauseBroadcastsOfWithdrawnTemplates.class);

	private final BroadcastService broadcasts;

	PauseBroadcastsOfWithdrawnTemplates(BroadcastService broadcasts) {
		this.broadcasts = broadcasts;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(TemplateStatusChanged changed) {
		if (changed.approved()) {
			return;
		}
		int paused = this.broadcasts.pauseForTemplate(changed.lineId(), changed.name(), changed.label(), changed.language(), REASON);
		if (paused > 0) {
			log.warn("{} broadcasts of line {} paused: template {} is {}", paused, changed.lineId(), changed.name(), changed.status());
		}
	}

}
