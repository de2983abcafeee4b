package org.linea.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.linea.access.LineaUser;
import org.linea.access.UserService;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the signed-in user on every request, so a disabled account is signed out and a changed
 * role applies at once, on every node, whatever the session remembers of the user.
 */
class RefreshSignedInUser extends OncePerRequestFilter {

	private final UserService users;

	RefreshSignedInUser(UserService users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof LineaUser signedIn) {
			Optional<LineaUser> fresh = this.users.findById(signedIn.id()).filter(LineaUser::isEnabled);
			if (fresh.isEmpty()) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				response.sendRedirect(request.getContextPath() + "/login?expired");
				return;
			}
			fresh.get().eraseCredentials();
			// the factors this session has shown (password, code) stay; roles are the fresh ones
			List<GrantedAuthority> authorities = new ArrayList<>(fresh.get().getAuthorities());
			current.getAuthorities().stream().filter(FactorGrantedAuthority.class::isInstance).forEach(authorities::add);
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh.get(), null, authorities));
		}
		chain.doFilter(request, response);
	}

}
