package org.linea.mfa;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.linea.LineaIntegrationTest;
import org.linea.access.ApiTokenService;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.shared.crypto.FieldCipher;
import org.linea.web.ApiClient;
import org.linea.web.SignedInClient;
import org.linea.web.TestAuthenticator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Two-step sign-in over real HTTP: who must enrol, the code page, recovery codes, throttling, admins' reset and policy. */
class MfaSignInIntegrationTests extends LineaIntegrationTest {

	private static final String PASSWORD = "a-long-test-password";

	private static final Pattern RECOVERY_CODE = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

	@LocalServerPort
	int port;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	FieldCipher cipher;

	@Autowired
	MfaService mfa;

	private SignedInClient passwordOnly(LineaUser user) {
		return new SignedInClient(this.port).signInWithPassword(user.getUsername(), PASSWORD);
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private static List<String> recoveryCodes(HttpResponse<String> page) {
		List<String> codes = new ArrayList<>();
		Matcher matcher = RECOVERY_CODE.matcher(page.body());
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

	@Test
	void adminsAndSafeguardingFocalPointsMustEnrolBeforeAnythingElseButTheirApiTokensStillWork() {
		Organisation organisation = newOrganisation();
		Line line = newLine(organisation);
		for (Role role : List.of(Role.ADMIN, Role.SAFEGUARDING)) {
			LineaUser user = newUser(organisation, role);
			SignedInClient browser = passwordOnly(user);
			for (String page : List.of("/", "/inbox", "/profile", "/admin", "/simulator", "/report/dashboard", "/login/code")) {
				HttpResponse<String> response = browser.get(page);
				assertThat(response.statusCode()).as(role + " " + page).isEqualTo(302);
				assertThat(location(response)).as(role + " " + page).matches(".*/(mfa/enrol|)$");
			}
			assertThat(location(browser.get("/inbox"))).endsWith("/mfa/enrol");
			browser.get("/mfa/enrol");
			assertThat(location(browser.postForm("/profile/tokens", Map.of("name", "sneaky")))).endsWith("/mfa/enrol");
			assertThat(this.tokens.tokensOf(user.id())).isEmpty();

			if (role == Role.SAFEGUARDING) {
				// a bearer token is no password session: the API is not held back by the second step
				String token = this.tokens.create(user.id(), "script");
				assertThat(new ApiClient(this.port, token).get("/api/simulator/" + line.key() + "/contacts/" + randomPhone() + "/messages")
					.statusCode()).as(role + " API").isEqualTo(200);
			}

			HttpResponse<String> enrolment = browser.get("/mfa/enrol");
			assertThat(enrolment.statusCode()).isEqualTo(200);
			assertThat(enrolment.body()).contains("data:image/svg+xml;base64,")
				.contains("otpauth://totp/Linea:" + user.getUsername() + "?secret=")
				.contains("id=\"mfa-secret\"");
			HttpResponse<String> codes = browser.enrol(user.getUsername());
			assertThat(recoveryCodes(codes)).hasSize(10).doesNotHaveDuplicates();
			assertThat(browser.get("/profile").statusCode()).isEqualTo(200);
			assertThat(browser.get("/profile").body()).contains("10");
		}
	}

	@Test
	void aWrongEnrolmentCodeEnrolsNothing() {
		LineaUser admin = newUser(newOrganisation(), Role.ADMIN);
		SignedInClient browser = passwordOnly(admin);
		browser.enrol(admin.getUsername());
		this.jdbc.sql("delete from mfa_totp where user_id = ?").param(admin.id()).update();
		SignedInClient again = passwordOnly(admin);
		Matcher secret = Pattern.compile("id=\"mfa-secret\"[^>]*>([A-Z2-7 ]+)<").matcher(again.get("/mfa/enrol").body());
		assertThat(secret.find()).isTrue();
		TestAuthenticator.add(admin.getUsername(), secret.group(1));
		HttpResponse<String> wrong = again.postForm("/mfa/enrol", Map.of("code", TestAuthenticator.wrongCode(admin.getUsername())));
		assertThat(location(wrong)).contains("/mfa/enrol?error");
		assertThat(this.mfa.enrolled(admin.id())).isFalse();
		assertThat(location(again.get("/inbox"))).endsWith("/mfa/enrol");
	}

	@Test
	void afterThePasswordTheRightCodeOnceOrARecoveryCodeOnceCompletesTheSignIn() {
		LineaUser admin = newUser(newOrganisation(), Role.ADMIN);
		List<String> recovery = recoveryCodes(passwordOnly(admin).enrol(admin.getUsername()));

		SignedInClient browser = passwordOnly(admin);
		assertThat(location(browser.get("/inbox"))).endsWith("/login/code");
		assertThat(browser.get("/login/code").body()).contains("name=\"code\"");
		assertThat(location(browser.postForm("/login/code", Map.of("code", TestAuthenticator.wrongCode(admin.getUsername())))))
			.contains("/login/code?error");
		assertThat(location(browser.get("/inbox"))).endsWith("/login/code");
		browser.get("/login/code");
		String code = TestAuthenticator.nextCode(admin.getUsername());
		HttpResponse<String> right = browser.postForm("/login/code", Map.of("code", code));
		assertThat(location(right)).doesNotContain("/login/code").contains("/inbox");
		assertThat(browser.get("/profile").statusCode()).isEqualTo(200);

		// the same code cannot be used again, even within its 30 seconds
		SignedInClient replay = passwordOnly(admin);
		replay.get("/login/code");
		assertThat(location(replay.postForm("/login/code", Map.of("code", code)))).contains("/login/code?error");
		assertThat(location(replay.get("/inbox"))).endsWith("/login/code");

		SignedInClient lostPhone = passwordOnly(admin);
		lostPhone.get("/login/code");
		assertThat(location(lostPhone.postForm("/login/code", Map.of("code", recovery.getFirst().toUpperCase())))).endsWith("/profile");
		assertThat(lostPhone.get("/profile").statusCode()).isEqualTo(200);
		SignedInClient reused = passwordOnly(admin);
		reused.get("/login/code");
		assertThat(location(reused.postForm("/login/code", Map.of("code", recovery.getFirst())))).contains("/login/code?error");
		assertThat(this.jdbc.sql("select count(*) from mfa_recovery_code where user_id = ? and used_at is null").param(admin.id())
			.query(Integer.class).single()).isEqualTo(9);
	}

	@Test
	void theSecretIsStoredEncryptedAndRecoveryCodesOnlyAsHashes() {
		LineaUser admin = newUser(newOrganisation(), Role.ADMIN);
		SignedInClient browser = passwordOnly(admin);
		Matcher shown = Pattern.compile("id=\"mfa-secret\"[^>]*>([A-Z2-7 ]+)<").matcher(browser.get("/mfa/enrol").body());
		assertThat(shown.find()).isTrue();
		List<String> recovery = recoveryCodes(browser.enrol(admin.getUsername()));
		byte[] stored = this.jdbc.sql("select secret_encrypted from mfa_totp where user_id = ?").param(admin.id()).query(byte[].class).single();
		byte[] secret = Base32.decode(shown.group(1));
		assertThat(this.cipher.decrypt(stored)).isEqualTo(secret);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
		List<byte[]> hashes = this.jdbc.sql("select code_hash from mfa_recovery_code where user_id = ?").param(admin.id()).query(byte[].class).list();
		assertThat(hashes).hasSize(10);
		for (byte[] hash : hashes) {
			for (String code : recovery) {
				assertThat(new String(hash, StandardCharsets.ISO_8859_1)).doesNotContain(code.replace("-", ""));
			}
		}
	}

	@Test
	void fiveWrongCodesStopFurtherTriesForThatUserEvenWithTheRightCode() {
		LineaUser admin = newUser(newOrganisation(), Role.ADMIN);
		passwordOnly(admin).enrol(admin.getUsername());
		SignedInClient guesser = passwordOnly(admin);
		for (int i = 0; i < 5; i++) {
			guesser.get("/login/code");
			assertThat(location(guesser.postForm("/login/code", Map.of("code", TestAuthenticator.wrongCode(admin.getUsername())))))
				.contains("error");
		}
		guesser.get("/login/code");
		assertThat(location(guesser.postForm("/login/code", Map.of("code", TestAuthenticator.nextCode(admin.getUsername())))))
			.contains("/login/code?throttled");
		assertThat(location(guesser.get("/inbox"))).endsWith("/login/code");
	}

	@Test
	void othersMayTurnItOnAndOffWithTheirPasswordButAdminsCannotTurnItOff() {
		Organisation organisation = newOrganisation();
		LineaUser operator = newUser(organisation, Role.OPERATOR);
		SignedInClient browser = new SignedInClient(this.port).signIn(operator.getUsername(), PASSWORD);
		assertThat(browser.get("/inbox").statusCode()).isEqualTo(200);
		assertThat(browser.get("/profile").body()).contains("/mfa/enrol");
		browser.enrol(operator.getUsername());
		SignedInClient next = passwordOnly(operator);
		assertThat(location(next.get("/inbox"))).endsWith("/login/code");

		browser.get("/profile");
		browser.postForm("/profile/mfa/disable", Map.of("confirmation", "not-my-password"));
		assertThat(this.mfa.enrolled(operator.id())).isTrue();
		browser.get("/profile");
		assertThat(location(browser.postForm("/profile/mfa/disable", Map.of("confirmation", PASSWORD)))).endsWith("/profile");
		assertThat(this.mfa.enrolled(operator.id())).isFalse();
		assertThat(passwordOnly(operator).get("/inbox").statusCode()).isEqualTo(200);

		LineaUser admin = newUser(organisation, Role.ADMIN);
		SignedInClient adminBrowser = new SignedInClient(this.port).signIn(admin.getUsername(), PASSWORD);
		adminBrowser.get("/profile");
		adminBrowser.postForm("/profile/mfa/disable", Map.of("confirmation", PASSWORD));
		assertThat(this.mfa.enrolled(admin.id())).isTrue();
	}

	@Test
	void newRecoveryCodesNeedACurrentCodeOrThePasswordAndReplaceTheOldOnes() {
		LineaUser admin = newUser(newOrganisation(), Role.ADMIN);
		SignedInClient browser = passwordOnly(admin);
		List<String> first = recoveryCodes(browser.enrol(admin.getUsername()));
		browser.get("/profile");
		assertThat(location(browser.postForm("/profile/mfa/recovery-codes", Map.of("confirmation", TestAuthenticator.wrongCode(admin.getUsername())))))
			.endsWith("/profile");
		browser.get("/profile");
		HttpResponse<String> made = browser.postForm("/profile/mfa/recovery-codes",
				Map.of("confirmation", TestAuthenticator.nextCode(admin.getUsername())));
		assertThat(location(made)).endsWith("/mfa/recovery-codes");
		List<String> second = recoveryCodes(browser.get("/mfa/recovery-codes"));
		assertThat(second).hasSize(10).doesNotContainAnyElementsOf(first);
		// shown once
		assertThat(recoveryCodes(browser.get("/mfa/recovery-codes"))).isEmpty();
		SignedInClient old = passwordOnly(admin);
		old.get("/login/code");
		assertThat(location(old.postForm("/login/code", Map.of("code", first.getFirst())))).contains("error");
	}

	@Test
	void anOrganisationAdminCanRequireItOfAllTheirStaffAndOnlyTheirs() {
		Organisation mine = newOrganisation();
		Organisation other = newOrganisation();
		LineaUser operator = newUser(mine, Role.OPERATOR);
		LineaUser otherOperator = newUser(other, Role.OPERATOR);
		SignedInClient orgAdmin = new SignedInClient(this.port).signIn(newUser(mine, Role.ADMIN).getUsername(), PASSWORD);
		SignedInClient otherAdmin = new SignedInClient(this.port).signIn(newUser(other, Role.ADMIN).getUsername(), PASSWORD);

		otherAdmin.get("/admin/mfa");
		assertThat(otherAdmin.postForm("/admin/mfa/organisations/" + mine.id(), Map.of("required", "true")).statusCode()).isEqualTo(403);
		assertThat(passwordOnly(operator).get("/inbox").statusCode()).isEqualTo(200);

		assertThat(orgAdmin.get("/admin/mfa").body()).contains(mine.name()).doesNotContain(otherOperator.getUsername());
		assertThat(location(orgAdmin.postForm("/admin/mfa/organisations/" + mine.id(), Map.of("required", "true")))).endsWith("/admin/mfa");
		assertThat(location(passwordOnly(operator).get("/inbox"))).endsWith("/mfa/enrol");
		assertThat(passwordOnly(otherOperator).get("/inbox").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from privacy_audit_log where action = 'MFA_POLICY_CHANGED' and subject_id = ?")
			.param(Long.toString(mine.id())).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void anAdminResetsTheAuthenticatorOfUsersInTheirScopeOnlyAndItIsAudited() {
		Organisation mine = newOrganisation();
		LineaUser operator = newUser(mine, Role.OPERATOR);
		SignedInClient operatorsPhone = new SignedInClient(this.port).signIn(operator.getUsername(), PASSWORD);
		operatorsPhone.enrol(operator.getUsername());
		assertThat(operatorsPhone.get("/inbox").statusCode()).isEqualTo(200);
		SignedInClient otherAdmin = new SignedInClient(this.port).signIn(newUser(newOrganisation(), Role.ADMIN).getUsername(), PASSWORD);
		otherAdmin.get("/admin/mfa");
		assertThat(otherAdmin.postForm("/admin/mfa/users/" + operator.id() + "/reset", Map.of()).statusCode()).isEqualTo(403);
		assertThat(otherAdmin.postForm("/admin/mfa/users/" + administrator().id() + "/reset", Map.of()).statusCode()).isEqualTo(403);
		assertThat(this.mfa.enrolled(operator.id())).isTrue();

		SignedInClient orgAdmin = new SignedInClient(this.port).signIn(newUser(mine, Role.ADMIN).getUsername(), PASSWORD);
		assertThat(orgAdmin.get("/admin/mfa").body()).contains(operator.getUsername());
		assertThat(location(orgAdmin.postForm("/admin/mfa/users/" + operator.id() + "/reset", Map.of()))).endsWith("/admin/mfa");
		assertThat(this.mfa.enrolled(operator.id())).isFalse();
		assertThat(this.jdbc.sql("select count(*) from privacy_audit_log where action = 'MFA_RESET' and subject_id = ? and organisation_id = ?")
			.params(Long.toString(operator.id()), mine.id()).query(Integer.class).single()).isEqualTo(1);
		// the lost phone's session ends with the reset
		assertThat(location(operatorsPhone.get("/inbox"))).endsWith("/login");
		assertThat(passwordOnly(operator).get("/inbox").statusCode()).isEqualTo(200);
	}

	@Test
	void aPasswordSetByAnAdministratorDoesNotSkipTheSecondStep() {
		LineaUser admin = newUser(newOrganisation(), Role.ADMIN);
		passwordOnly(admin).enrol(admin.getUsername());
		signIn(administrator());
		this.users.setPassword(admin.id(), "a-brand-new-password");
		SignedInClient browser = new SignedInClient(this.port).signInWithPassword(admin.getUsername(), "a-brand-new-password");
		assertThat(location(browser.get("/inbox"))).endsWith("/login/code");
		assertThat(location(browser.get("/profile"))).endsWith("/login/code");
		assertThat(this.mfa.enrolled(admin.id())).isTrue();
	}

}
