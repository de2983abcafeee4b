package org.linea.inbox;

import java.util.List;

import org.linea.access.Requires;
import org.linea.access.Access;
import org.linea.access.Permission;
import org.linea.access.RolePermissions;
import org.linea.access.Line;
import org.linea.access.LineService;
import org.linea.access.UserService;
import org.linea.access.UserSummary;
import org.linea.shared.NotFoundException;
import org.linea.shared.web.RedirectOnRefusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators organise a line's teams: who is in each queue, how many conversations each holds, auto-assignment. */
@Controller
@Requires(Permission.TEAM_MANAGE)
@RedirectOnRefusal("/teams?line={lineKey}")
class TeamController {

	private final LineService lines;

	private final TeamService teams;

	private final UserService users;

	TeamController(LineService lines, TeamService teams, UserService users) {
		this.lines = lines;
		this.teams = teams;
		this.users = users;
	}

	@GetMapping("/teams")
	String teams(@RequestParam(required = false) String line, Model model) {
		List<Line> coordinated = this.lines.accessibleLines(Permission.TEAM_MANAGE);
		model.addAttribute("lines", coordinated);
		coordinated.stream()
			.filter(l -> line == null || l.key().equals(line))
			.findFirst()
			.ifPresent(selected -> {
				model.addAttribute("line", selected);
				List<Team> lineTeams = this.teams.teamsOf(selected.id());
				model.addAttribute("teams", lineTeams);
				model.addAttribute("members", lineTeams.stream().map(t -> this.teams.members(t.id())).toList());
				model.addAttribute("staff", staffOf(selected));
				model.addAttribute("mayRestrict", Access.allows(selected.organisationId(), Permission.RESTRICTED_TEAM_MANAGE));
			});
		return "inbox/teams";
	}

	@PostMapping("/teams/{lineKey}")
	String create(@PathVariable String lineKey, @RequestParam String key, @RequestParam String name, RedirectAttributes redirect) {
		Line line = this.lines.requireAccess(lineKey, Permission.TEAM_MANAGE);
		return attempt(line, redirect, () -> this.teams.create(line.id(), key.strip(), name));
	}

	@PostMapping("/teams/{lineKey}/{teamId}/members")
	String addMember(@PathVariable String lineKey, @PathVariable long teamId, @RequestParam long userId,
			@RequestParam(defaultValue = "8") int maxOpen, RedirectAttributes redirect) {
		Line line = this.lines.requireAccess(lineKey, Permission.TEAM_MANAGE);
		Team team = membersChangeableOf(line, teamId);
		if (staffOf(line).stream().noneMatch(u -> u.id() == userId)) {
			throw new NotFoundException("error.missing.user", userId);
		}
		return attempt(line, redirect, () -> this.teams.addMember(team.id(), userId, maxOpen));
	}

	@PostMapping("/teams/{lineKey}/{teamId}/members/{userId}/remove")
	String removeMember(@PathVariable String lineKey, @PathVariable long teamId, @PathVariable long userId,
			RedirectAttributes redirect) {
		Line line = this.lines.requireAccess(lineKey, Permission.TEAM_MANAGE);
		return attempt(line, redirect, () -> this.teams.removeMember(membersChangeableOf(line, teamId).id(), userId));
	}

	@PostMapping("/teams/{lineKey}/{teamId}/restricted")
	@Requires(Permission.RESTRICTED_TEAM_MANAGE)
	String restrict(@PathVariable String lineKey, @PathVariable long teamId, @RequestParam boolean on, RedirectAttributes redirect) {
		Line line = this.lines.requireAccess(lineKey, Permission.RESTRICTED_TEAM_MANAGE);
		return attempt(line, redirect, () -> this.teams.setRestricted(teamOf(line, teamId).id(), on));
	}

	@PostMapping("/teams/{lineKey}/{teamId}/auto-assign")
	String autoAssign(@PathVariable String lineKey, @PathVariable long teamId, @RequestParam boolean on,
			RedirectAttributes redirect) {
		Line line = this.lines.requireAccess(lineKey, Permission.TEAM_MANAGE);
		return attempt(line, redirect, () -> this.teams.setAutoAssign(teamOf(line, teamId).id(), on));
	}

	/** The team, if the current user may change its members: a restricted team's only with that permission. */
	private Team membersChangeableOf(Line line, long teamId) {
		Team team = teamOf(line, teamId);
		if (team.restricted()) {
			Access.require(line.organisationId(), Permission.RESTRICTED_TEAM_MANAGE, "error.missing.team", teamId);
		}
		return team;
	}

	private Team teamOf(Line line, long teamId) {
		Team team = this.teams.get(teamId);
		if (team.lineId() != line.id()) {
			throw new NotFoundException("error.missing.team", teamId);
		}
		return team;
	}

	private List<UserSummary> staffOf(Line line) {
		return this.users.all()
			.stream()
			.filter(UserSummary::enabled)
			.filter(u -> u.memberships().stream().anyMatch(m -> m.organisationId() != null && m.organisationId() == line.organisationId()
					&& RolePermissions.grants(m.role(), Permission.INBOX_READ)))
			.toList();
	}

	private static String attempt(Line line, RedirectAttributes redirect, Runnable action) {
		action.run();
		redirect.addFlashAttribute("notice", "admin.saved");
		return "redirect:/teams?line=" + line.key();
	}

}
