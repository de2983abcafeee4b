package org.linea.admin;

import org.linea.access.Role;
import org.linea.access.Organisation;
import org.linea.access.OrganisationService;
import org.linea.access.UserSummary;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.LineChanges;
import org.linea.access.LineForm;
import org.linea.access.NewUserForm;
import java.net.URI;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.linea.access.Access;
import org.linea.access.Permission;
import org.linea.access.Requires;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organisations, lines, users and roles for scripts and integrations, under the same rules as the admin page. */
@RestController
@Tag(name = "Administration", description = "Organisations, lines, users and their roles")
class AdminApiController {

	private final OrganisationService organisations;

	private final LineService lines;

	private final UserAdministration users;

	AdminApiController(OrganisationService organisations, LineService lines, UserAdministration users) {
		this.organisations = organisations;
		this.lines = lines;
		this.users = users;
	}

	@Requires({ Permission.ORG_ADMIN, Permission.INSTALLATION_ADMIN })
	@GetMapping("/api/organisations")
	@Operation(summary = "The organisations the caller administers (all of them for an installation administrator)")
	List<Organisation> organisations() {
		return this.organisations.administered();
	}

	@Requires(Permission.INSTALLATION_ADMIN)
	@PostMapping("/api/organisations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an organisation (installation administrators)")
	Organisation createOrganisation(@RequestBody NewOrganisation organisation) {
		Access.requireInstallation(Permission.INSTALLATION_ADMIN);
		return this.organisations.create(organisation.slug() == null ? null : organisation.slug().strip(), organisation.name());
	}

	@Requires(Permission.SIGNED_IN)
	@GetMapping("/api/lines")
	@Operation(summary = "The lines the caller works on, reports on or administers")
	List<Line> lines() {
		return this.lines.accessibleLines(Permission.INBOX_READ, Permission.REPORT_READ, Permission.ORG_ADMIN);
	}

	@Requires({ Permission.INBOX_READ, Permission.REPORT_READ, Permission.ORG_ADMIN })
	@GetMapping("/api/lines/{lineKey}")
	@Operation(summary = "One line: channel, country, time zone, languages, opening hours, retention, response objective")
	Line line(@PathVariable String lineKey) {
		return this.lines.requireAccessAny(lineKey, Permission.INBOX_READ, Permission.REPORT_READ, Permission.ORG_ADMIN);
	}

	@Requires(Permission.ORG_ADMIN)
	@PostMapping("/api/lines")
	@Operation(summary = "Open a line in an organisation the caller administers")
	ResponseEntity<Line> createLine(@RequestBody LineForm form) {
		if (form.organisationId() != null) {
			Access.require(form.organisationId(), Permission.ORG_ADMIN, "error.missing.organisation", form.organisationId());
		}
		Line line = this.lines.create(form);
		return ResponseEntity.created(URI.create("/api/lines/" + line.key())).body(line);
	}

	@Requires(Permission.ORG_ADMIN)
	@PatchMapping("/api/lines/{lineKey}")
	@Operation(summary = "Change a line's name, time zone, languages, opening hours, retention (days) or response objective")
	Line updateLine(@PathVariable String lineKey, @RequestBody LineChanges changes) {
		return this.lines.update(lineKey, changes);
	}

	@Requires(Permission.ORG_ADMIN)
	@GetMapping("/api/organisations/{organisationId}/users")
	@Operation(summary = "The organisation's users, with the roles they hold in it")
	List<UserSummary> users(@PathVariable long organisationId) {
		Access.require(organisationId, Permission.ORG_ADMIN, "error.missing.organisation", organisationId);
		return this.users.visible()
			.stream()
			.filter(user -> user.memberships().stream().anyMatch(m -> Long.valueOf(organisationId).equals(m.organisationId())))
			.map(user -> new UserSummary(user.id(), user.username(), user.displayName(), user.enabled(), user.lastLoginAt(),
					user.memberships().stream().filter(m -> Long.valueOf(organisationId).equals(m.organisationId())).toList()))
			.toList();
	}

	@Requires(Permission.ORG_ADMIN)
	@PostMapping("/api/organisations/{organisationId}/users")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a staff member with a first role in the organisation (the password policy applies)")
	UserRoles createUser(@PathVariable long organisationId, @RequestBody NewUser user) {
		Access.require(organisationId, Permission.ORG_ADMIN, "error.missing.organisation", organisationId);
		long id = this.users.create(new NewUserForm(user.username(), user.displayName(), user.password(), organisationId, user.role()));
		return new UserRoles(id, organisationId, this.users.rolesIn(id, organisationId));
	}

	@Requires(Permission.ORG_ADMIN)
	@PutMapping("/api/organisations/{organisationId}/users/{userId}/roles")
	@Operation(summary = "Set the roles a user holds in the organisation (an empty list removes them from it)")
	UserRoles setRoles(@PathVariable long organisationId, @PathVariable long userId, @RequestBody RoleList roles) {
		Access.require(organisationId, Permission.ORG_ADMIN, "error.missing.organisation", organisationId);
		this.users.setRoles(userId, organisationId, roles.roles() == null ? Set.of() : Set.copyOf(roles.roles()));
		return new UserRoles(userId, organisationId, this.users.rolesIn(userId, organisationId));
	}

	record NewOrganisation(String slug, String name) {
	}

	record NewUser(String username, String displayName, String password, Role role) {
	}

	record RoleList(List<Role> roles) {
	}

	record UserRoles(long userId, long organisationId, Set<Role> roles) {
	}

}
