package org.linea.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without a browser: cookies, the login form and CSRF tokens, over real HTTP. */
public final class SignedInClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"|name=\"csrf-token\" content=\"([^\"]+)\"");

	private static final Pattern SECRET = Pattern.compile("id=\"mfa-secret\"[^>]*>([A-Z2-7 ]+)<");

	private final CookieManager cookies;

	private final HttpClient http;

	private final String base;

	private String csrf;

	private String forwardedFor;

	private final Map<String, String> headers = new HashMap<>();

	public SignedInClient(int port) {
		this(port, new CookieManager());
	}

	private SignedInClient(int port, CookieManager cookies) {
		this.base = "http://localhost:" + port;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** The same browser (same cookies) talking to another node. */
	public SignedInClient onPort(int port) {
		return new SignedInClient(port, this.cookies);
	}

	/** Requests seem to come from this address, as a trusted reverse proxy reports it (X-Forwarded-For). */
	public SignedInClient from(String address) {
		this.forwardedFor = address;
		return this;
	}

	/** Sends this header from now on, e.g. Accept: text/html as a browser navigating does, or HX-Request as htmx. */
	public SignedInClient withHeader(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/** Signs in with the password and, when asked, the second step: a code, or enrolment as a person would do it. */
	public SignedInClient signIn(String username, String password) {
		signInWithPassword(username, password);
		String next = get("/").headers().firstValue("Location").orElse("");
		if (next.endsWith("/login/code")) {
			get("/login/code");
			expectRedirect(postForm("/login/code", Map.of("code", TestAuthenticator.nextCode(username))), "/login/code", username);
		}
		else if (next.endsWith("/mfa/enrol")) {
			enrol(username);
		}
		get("/inbox");
		return this;
	}

	/** Only the first step: the password form. */
	public SignedInClient signInWithPassword(String username, String password) {
		HttpResponse<String> result = attemptSignIn(username, password);
		String location = result.headers().firstValue("Location").orElse("");
		if (result.statusCode() != 302 || location.contains("error") || location.contains("throttled")) {
			throw new AssertionError("Sign-in failed for " + username + " (" + location + ")");
		}
		return this;
	}

	/** Posts the login form and returns the answer, where it redirects to ("/", "?error", "?throttled"). */
	public HttpResponse<String> attemptSignIn(String username, String password) {
		get("/login");
		return postForm("/login", Map.of("username", username, "password", password));
	}

	/** Sets up the authenticator from the enrolment page (the key shown for manual entry) and returns the recovery codes page. */
	public HttpResponse<String> enrol(String username) {
		Matcher secret = SECRET.matcher(get("/mfa/enrol").body());
		if (!secret.find()) {
			throw new AssertionError("No key on the enrolment page for " + username);
		}
		TestAuthenticator.add(username, secret.group(1));
		expectRedirect(postForm("/mfa/enrol", Map.of("code", TestAuthenticator.nextCode(username))), "/mfa/enrol", username);
		return get("/mfa/recovery-codes");
	}

	private static void expectRedirect(HttpResponse<String> response, String notBackTo, String username) {
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains(notBackTo)) {
			throw new AssertionError("Second step failed for " + username + ": " + response.statusCode() + " " + location);
		}
	}

	/** The session cookie, for clients that stream (Server-Sent Events). */
	public String cookieHeader() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.map(cookie -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	public HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			this.csrf = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
		}
		return response;
	}

	/** Posts a form with the CSRF token of the last page, as the browser would. */
	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		Map<String, String> withToken = new HashMap<>(fields);
		if (this.csrf != null) {
			withToken.put("_csrf", this.csrf);
		}
		return postRaw(path, withToken);
	}

	/** Posts a form exactly as given, with no CSRF token added. */
	public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		if (this.forwardedFor != null) {
			request.header("X-Forwarded-For", this.forwardedFor);
		}
		this.headers.forEach(request::header);
		return Http.send(this.http, request.build());
	}

}
