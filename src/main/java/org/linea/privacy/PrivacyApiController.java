package org.linea.privacy;

import org.linea.access.ChainVerification;
import java.time.Duration;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.linea.access.Permission;
import org.linea.access.Requires;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Purging a line and answering a person's requests, for the line's administrators and coordinators. */
@RestController
@Tag(name = "Privacy", description = "Retention, purge, data-subject requests, audit trail")
class PrivacyApiController {

	private final RetentionService retention;

	private final SubjectRequests requests;

	private final AuditTrail trail;

	PrivacyApiController(RetentionService retention, SubjectRequests requests, AuditTrail trail) {
		this.retention = retention;
		this.requests = requests;
		this.trail = trail;
	}

	@Requires(Permission.PRIVACY_MANAGE)
	@PostMapping("/api/lines/{lineKey}/privacy/purge")
	@Operation(summary = "Erase every covered data type of the line older than olderThan (ISO-8601; PT0S: everything until now)")
	Map<String, Map<String, Integer>> purge(@PathVariable String lineKey, @RequestBody PurgeRequest request) {
		return Map.of("erased", this.retention.purge(lineKey, request.olderThan()));
	}

	@Requires(Permission.PRIVACY_MANAGE)
	@GetMapping("/api/lines/{lineKey}/contacts/lookup")
	@Operation(summary = "The code of the person writing from this number (E.164), or 404")
	SubjectRequests.ContactSummary lookup(@PathVariable String lineKey, @RequestParam String phone) {
		return this.requests.lookup(lineKey, phone);
	}

	@Requires(Permission.PRIVACY_MANAGE)
	@GetMapping("/api/lines/{lineKey}/contacts/{code}/export")
	@Operation(summary = "Everything held about the person, and who viewed or revealed their data when")
	Map<String, Object> export(@PathVariable String lineKey, @PathVariable String code) {
		return this.requests.export(lineKey, code);
	}

	@Requires(Permission.PRIVACY_MANAGE)
	@PostMapping("/api/lines/{lineKey}/contacts/{code}/erase")
	@Operation(summary = "Erase the person everywhere; a tombstone keeps the code, the time and who")
	SubjectRequests.Erasure erase(@PathVariable String lineKey, @PathVariable String code) {
		return this.requests.erase(lineKey, code);
	}

	@Requires(Permission.INSTALLATION_ADMIN)
	@PostMapping("/api/audit/verify")
	@Operation(summary = "Recompute the audit hash chain and name the first changed or removed entry (administrators)")
	ChainVerification verify() {
		return this.trail.verify();
	}

	@Requires(Permission.INSTALLATION_ADMIN)
	@PostMapping("/api/privacy/data-keys/rewrap")
	@Operation(summary = "After a master-key rotation: re-wrap every person's data key with the current master key (administrators)")
	Map<String, Integer> rewrap() {
		return Map.of("rewrapped", this.trail.rewrapDataKeys());
	}

	record PurgeRequest(Duration olderThan) {
	}

}
