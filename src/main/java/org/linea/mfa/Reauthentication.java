package org.linea.mfa;

import org.linea.access.LineaUser;
import org.linea.access.UserService;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Changing the second step asks the user to prove again who they are (ASVS 7.5.1): their current
 * password, or a current code from their app. Wrong answers count towards the code throttle.
 */
@Component
class Reauthentication {

	private final UserService users;

	private final PasswordEncoder passwords;

	private final MfaService mfa;

	Reauthentication(UserService users, PasswordEncoder passwords, MfaService mfa) {
		this.users = users;
		this.passwords = passwords;
		this.mfa = mfa;
	}

	/** A password is 12+ characters, so six digits are a code. */
	MfaService.Check confirm(LineaUser user, String passwordOrCode) {
		if (passwordOrCode == null || passwordOrCode.isBlank()) {
			return MfaService.Check.WRONG;
		}
		String typed = passwordOrCode.strip();
		if (typed.replaceAll("\\s", "").matches("\\d{" + Totp.DIGITS + "}") && this.mfa.enrolled(user.id())) {
			return this.mfa.checkCode(user.id(), typed);
		}
		return password(user, passwordOrCode);
	}

	MfaService.Check password(LineaUser user, String password) {
		if (this.mfa.throttled(user.id())) {
			return MfaService.Check.THROTTLED;
		}
		String hash = this.users.loadUserByUsername(user.getUsername()).getPassword();
		if (password != null && this.passwords.matches(password, hash)) {
			return MfaService.Check.ACCEPTED;
		}
		this.mfa.recordFailure(user.id());
		return MfaService.Check.WRONG;
	}

}
