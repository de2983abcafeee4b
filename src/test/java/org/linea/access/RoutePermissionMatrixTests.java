package org.linea.access;

import org.linea.privacy.RevealRoles;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linea.access.ApiTokenService;
import org.linea.access.Line;
import org.linea.access.LineaUser;
import org.linea.access.Organisation;
import org.linea.access.Role;
import org.linea.channel.simulator.SimulatedMessageRequest;
import org.linea.contact.Contact;
import org.linea.contact.ContactService;
import org.linea.feedback.coding.Coding;
import org.linea.feedback.coding.FeedbackType;
import org.linea.feedback.InteractionsIntegrationTest;
import org.linea.feedback.referral.ProgrammeReferrals;
import org.linea.feedback.rumour.RumourService;
import org.linea.inbox.TeamService;
import org.linea.knowledge.Answer;
import org.linea.knowledge.EntryContent;
import org.linea.knowledge.EntryKind;
import org.linea.knowledge.KnowledgeService;
import org.linea.shared.crypto.FieldCipher;
import org.linea.survey.SurveyService;
import org.linea.survey.XlsForms;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * Deny by default, checked route by route: every handler of Linea declares its permission, and every
 * route × every role × own or other organisation answers as {@link RolePermissions} says. A user of
 * another organisation asking for this organisation's line, conversation, rumour, user... is told it
 * does not exist or is refused; an allowed user is neither.
 */
class RoutePermissionMatrixTests extends InteractionsIntegrationTest {

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	/** Request parameters that point at one organisation's things: a route taking one is about that organisation. */
	private static final Set<String> SCOPING_PARAMETERS = Set.of("conversationId", "organisationId");

	/** Forms whose fields the matrix fills in; the others (filters) are left to their defaults. */
	private static final Set<String> FORMS = Set.of("NewUserForm", "ReplyForm", "CloseForm", "CorrectionForm");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mapping;

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TeamService teams;

	@Autowired
	private KnowledgeService knowledge;

	@Autowired
	private RumourService rumours;

	@Autowired
	private ProgrammeReferrals programmeReferrals;

	@Autowired
	private FieldCipher cipher;

	@Autowired
	private ApiTokenService tokens;

	@Autowired
	private RevealRoles revealRoles;

	@Autowired
	private ContactService contacts;

	@Autowired
	private SurveyService surveys;

	@Autowired
	private DirectRoutes direct;

	private MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void everyLineaRouteDeclaresItsPermission() {
		List<String> undeclared = routes().stream().filter(r -> r.permissions() == null).map(Route::toString).toList();
		assertThat(routes()).hasSizeGreaterThan(80);
		assertThat(undeclared).as("routes without @Requires").isEmpty();
	}

	/** The webhooks served before the dispatch are routes of this walk, public, and all those marked so. */
	@Test
	void routesServedBeforeTheDispatchArePublicWebhooksOfTheWalk() {
		List<Route> all = routes();
		List<String> marked = all.stream().filter(r -> r.handler().hasMethodAnnotation(ServedDirectly.class)).map(Route::pattern)
			.distinct().toList();
		assertThat(marked).contains("/webhooks/whatsapp/{lineKey}", "/webhooks/twilio/{lineKey}", "/webhooks/twilio/{lineKey}/status");
		assertThat(this.direct.patterns()).containsExactlyInAnyOrderElementsOf(marked);
		assertThat(all).filteredOn(r -> marked.contains(r.pattern()) && r.method() == HttpMethod.POST)
			.allSatisfy(r -> assertThat(r.permissions()).contains(Permission.PUBLIC));
	}

	@Test
	void everyRouteAnswersEachRoleOfThisAndOfAnotherOrganisationAsItsPermissionSays() throws Exception {
		Fixture fixture = fixture();
		Map<String, LineaUser> requesters = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			if (role.isInstallationWide()) {
				requesters.put(role + "@installation", installationAdmin());
				continue;
			}
			requesters.put(role + "@own", newUser(fixture.own(), role));
			requesters.put(role + "@other", newUser(fixture.other(), role));
		}
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (Route route : routes()) {
			Permission[] needed = route.permissions();
			if (needed == null || List.of(needed).contains(Permission.PUBLIC)) {
				continue; // webhooks check a provider's signature, the login page is for everyone
			}
			for (Map.Entry<String, LineaUser> requester : requesters.entrySet()) {
				fixture.ids().put("/profile/tokens/{id}", Long.toString(tokenOf(requester.getValue())));
				if (route.pattern().endsWith("/erase") || route.pattern().contains("/requests/{id}/")) {
					freshDataSubject(fixture);
				}
				boolean allowed = allowed(requester.getKey(), route, needed);
				int status = status(request(route, fixture).with(user(requester.getValue())).with(csrf()));
				fixture.ids().remove("/contacts/{code}");
				boolean denied = status == 401 || status == 403 || status == 404;
				if (allowed == denied || status >= 500) {
					wrong.add(route + " as " + requester.getKey() + ": " + status + (allowed ? " (should be allowed)" : " (should be refused)"));
				}
				checked++;
			}
		}
		assertThat(wrong).as("of " + checked + " requests").isEmpty();
	}

	/** The answer's status; an exception no handler turned into an answer counts as a 500. */
	private int status(RequestBuilder request) {
		try {
			return this.mvc.perform(request).andReturn().getResponse().getStatus();
		}
		catch (Exception ex) {
			return 500;
		}
	}

	private static boolean allowed(String requester, Route route, Permission[] needed) {
		Role role = Role.valueOf(requester.substring(0, requester.indexOf('@')));
		boolean granted = List.of(needed).stream().anyMatch(p -> RolePermissions.grants(role, p));
		boolean aboutOneOrganisation = route.scoped() && !List.of(needed).contains(Permission.SIGNED_IN);
		return granted && (!aboutOneOrganisation || !requester.endsWith("@other"));
	}

	/** A person of their own for each erasure request (erasing is done once), with a pending request of theirs. */
	private void freshDataSubject(Fixture fixture) {
		Line line = this.lines.findByKey(fixture.ids().get("lineKey")).orElseThrow();
		Contact contact = this.contacts.findOrCreate(line, randomPhone(), null);
		long request = this.jdbc.sql("insert into privacy_erasure_request (line_id, contact_id, contact_code, status) values (?, ?, ?, 'PENDING') returning id")
			.params(line.id(), contact.id(), contact.code())
			.query(Long.class)
			.single();
		fixture.ids().put("/contacts/{code}", contact.code());
		fixture.ids().put("/requests/{id}", Long.toString(request));
	}

	/** A token of the user's own, to revoke. */
	private long tokenOf(LineaUser user) {
		this.tokens.create(user.id(), unique("token"));
		return this.tokens.tokensOf(user.id()).stream().mapToLong(t -> t.id()).max().orElseThrow();
	}

	private LineaUser installationAdmin() {
		long id = this.users.create(unique("installation"), "Installation", "a-long-test-password");
		this.users.grant(id, null, Role.INSTALLATION_ADMIN);
		return this.users.findById(id).orElseThrow();
	}

	/** Something of every kind a route names, in one organisation; another organisation with a line of its own. */
	private Fixture fixture() {
		Organisation own = newOrganisation();
		Organisation other = newOrganisation();
		Line line = newLine(own);
		newLine(other);
		LineaUser operator = newUser(own, Role.OPERATOR);
		LineaUser coordinator = newUser(own, Role.COORDINATOR);
		long logged = answeredAndClosed(line, randomPhone(), operator, new Coding(List.of(), List.of(), FeedbackType.COMPLAINT));
		eventually(() -> this.jdbc.sql("select count(*) from feedback_log where conversation_id = ?").param(logged)
			.query(Long.class).single() == 1, "the interaction is logged");
		String phone = randomPhone();
		this.simulator.write(line, new SimulatedMessageRequest(phone, "hola, necesito ayuda", null));
		eventually(() -> this.jdbc.sql("select count(*) from conversation_conversation where line_id = ? and state = 'QUEUED'")
			.param(line.id()).query(Long.class).single() == 1, "a conversation waits");
		long open = this.jdbc.sql("select id from conversation_conversation where line_id = ? and state = 'QUEUED'").param(line.id())
			.query(Long.class).single();
		long message = this.jdbc.sql("select min(id) from conversation_message where conversation_id = ? and direction = 'IN'").param(open)
			.query(Long.class).single();
		// safeguarding: a conversation to flag (never the one above, which a flag would restrict) and a case
		this.simulator.write(line, new SimulatedMessageRequest(randomPhone(), "hola, otra consulta", null));
		this.simulator.write(line, new SimulatedMessageRequest(randomPhone(), "el voluntario me pidio la clave de la tarjeta", null));
		eventually(() -> this.jdbc.sql("select count(*) from safeguarding_case where line_id = ?").param(line.id())
			.query(Long.class).single() == 1 && this.jdbc.sql("select count(*) from conversation_conversation where line_id = ? and state = 'QUEUED'")
			.param(line.id()).query(Long.class).single() == 3, "a second conversation waits and a case is open");
		long safeguardingCase = this.jdbc.sql("select id from safeguarding_case where line_id = ?").param(line.id()).query(Long.class).single();
		long toFlag = this.jdbc.sql("""
				select id from conversation_conversation where line_id = ? and state = 'QUEUED' and id <> ?
				  and id not in (select conversation_id from safeguarding_case)
				""").params(line.id(), open).query(Long.class).single();

		signIn(coordinator);
		long team = this.teams.create(line.id(), unique("t").substring(0, 10), "Equipo").id();
		String entry = this.knowledge.create(line.key(), new EntryContent("", "general", EntryKind.FAQ, "¿Dónde queda la oficina?",
				List.of(), Map.of("es", new Answer("En la plaza.", null)), List.of(), List.of(), "", null)).key();
		long rumour = this.rumours.flag(logged, null);
		this.inboxReferrals.refer(open, "Salud", null, null);
		long inboxReferral = this.jdbc.sql("select max(id) from inbox_referral where conversation_id = ?").param(open)
			.query(Long.class).single();
		long programmeReferral = this.programmeReferrals.refer(logged, "Transferencias", null);
		long service = this.jdbc.sql("insert into safeguarding_service (line_id, name, kind) values (?, 'Albergue', 'SHELTER') returning id")
			.param(line.id()).query(Long.class).single();
		long safeguardingReferral = this.jdbc.sql("""
				insert into safeguarding_referral (case_id, service_id, referred_by, consent) values (?, ?, ?, 'GIVEN') returning id
				""").params(safeguardingCase, service, coordinator.id()).query(Long.class).single();
		this.jdbc.sql("insert into safeguarding_rota (line_id, position, user_id, email) values (?, 1, ?, 'guardia@example.org')")
			.params(line.id(), coordinator.id()).update();
		long safeReply = this.jdbc.sql("insert into safeguarding_safe_reply (line_id, category, language, text) values (?, 'FRAUD', 'es', 'Gracias') returning id")
			.param(line.id()).query(Long.class).single();
		long survey = this.surveys.importForm(line.key(), XlsForms.everyType().bytes());
		this.jdbc.sql("insert into feedback_codebook_entry (organisation_id, category, code, label_es, label_en) values (?, 'topic', ?, 'x', 'x')")
			.params(own.id(), "c" + System.nanoTime() % 1_000_000_000L).update();
		long codebookEntry = this.jdbc.sql("select max(id) from feedback_codebook_entry where organisation_id = ?").param(own.id())
			.query(Long.class).single();
		long template = this.jdbc.sql("insert into channel_template (line_id, name, language, body) values (?, 'aviso', 'es', 'Hola {{1}}') returning id")
			.param(line.id()).query(Long.class).single();
		long media = this.jdbc.sql("""
				insert into channel_media (line_id, provider_ref, content_type, status, size_bytes, data_encrypted)
				values (?, 'ref', 'image/png', 'STORED', 3, ?) returning id
				""").params(line.id(), this.cipher.encrypt(new byte[] { 1, 2, 3 })).query(Long.class).single();
		long broadcast = this.jdbc.sql("""
				insert into broadcast_campaign (line_id, name, audience, message, status)
				values (?, 'Aviso', '{"consent": "BROADCASTS"}', '{"text": "hola"}', 'DRAFT') returning id
				""").param(line.id()).query(Long.class).single();
		long schedule = this.jdbc.sql("""
				insert into broadcast_schedule (line_id, name, audience, days, at_time, entries)
				values (?, 'Calendario', '{"consent": "BROADCASTS"}', '{1,3,5}', '10:00', '{KEY-1}') returning id
				""").param(line.id()).query(Long.class).single();
		// the matrix checks the roles' permissions; a line narrowing who reveals is tested on its own
		signIn(newUser(own, Role.ADMIN));
		this.revealRoles.choose(line, RevealRoles.eligible());
		SecurityContextHolder.clearContext();

		Map<String, String> ids = new LinkedHashMap<>();
		ids.put("lineKey", line.key());
		ids.put("organisationId", Long.toString(own.id()));
		ids.put("conversationId", Long.toString(open));
		ids.put("messageId", Long.toString(message));
		ids.put("teamId", Long.toString(team));
		ids.put("userId", Long.toString(operator.id()));
		ids.put("entryId", Long.toString(codebookEntry));
		ids.put("key", entry);
		ids.put("version", "1");
		ids.put("from", phone);
		ids.put("code", this.jdbc.sql("select code from contact_contact where line_id = ? order by id desc limit 1").param(line.id())
			.query(String.class).single());
		ids.put("templateId", Long.toString(template));
		ids.put("webhookId", Long.toString(this.jdbc.sql("""
				insert into integration_webhook (organisation_id, url, secret_encrypted, events) values (?, 'https://crm.example.org/e', ?, '{conversation.closed}')
				returning id
				""").params(own.id(), this.cipher.encrypt("whsec_test")).query(Long.class).single()));
		// {id} and {referralId} name different things on different routes
		ids.put("/inbox/conversations/{id}", Long.toString(open));
		ids.put("/safeguarding/conversations/{id}", Long.toString(toFlag));
		ids.put("/safeguarding/cases/{id}", Long.toString(safeguardingCase));
		ids.put("/feedback/log/{id}", Long.toString(logged));
		ids.put("/rumours/{id}", Long.toString(rumour));
		ids.put("/surveys/{id}", Long.toString(survey));
		ids.put("/admin/users/{id}", Long.toString(operator.id()));
		ids.put("/media/{id}", Long.toString(media));
		ids.put("/templates/{id}", Long.toString(template));
		ids.put("/broadcasts/{id}", Long.toString(broadcast));
		ids.put("/broadcast-schedules/{id}", Long.toString(schedule));
		ids.put("/inbox/conversations/{id}/referrals/{referralId}", Long.toString(inboxReferral));
		ids.put("/feedback/log/{id}/referrals/{referralId}", Long.toString(programmeReferral));
		ids.put("/safeguarding/cases/{id}/referrals/{referralId}", Long.toString(safeguardingReferral));
		ids.put("serviceId", Long.toString(service));
		ids.put("position", "1");
		ids.put("replyId", Long.toString(safeReply));
		ids.put("/phrasings/{id}", Long.toString(this.jdbc.sql("""
				insert into knowledge_phrasing (line_id, entry_key, text, source, status, conversation_id)
				values (?, ?, 'donde queda', 'QUICK_REPLY', 'PROPOSED', ?) returning id
				""").params(line.id(), entry, open).query(Long.class).single()));
		return new Fixture(own, other, ids);
	}

	private AbstractMockHttpServletRequestBuilder<?> request(Route route, Fixture fixture) {
		String path = expand(route.pattern(), fixture);
		HandlerMethod handler = route.handler();
		AbstractMockHttpServletRequestBuilder<?> request;
		boolean multipart = List.of(handler.getMethod().getParameterTypes()).contains(MultipartFile.class);
		if (multipart) {
			request = MockMvcRequestBuilders.multipart(path)
				.file(new MockMultipartFile("file", "bank.csv", "text/csv", "key,question\n".getBytes(StandardCharsets.UTF_8)));
		}
		else {
			request = MockMvcRequestBuilders.request(route.method(), path);
		}
		for (Parameter parameter : handler.getMethod().getParameters()) {
			RequestParam param = parameter.getAnnotation(RequestParam.class);
			if (param != null && !Map.class.isAssignableFrom(parameter.getType()) && parameter.getType() != MultipartFile.class) {
				String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : parameter.getName();
				boolean optional = !param.required() || !ValueConstants.DEFAULT_NONE.equals(param.defaultValue());
				if (!optional || fixture.ids().containsKey(name)) {
					request.param(name, value(name, parameter.getType(), route.pattern(), fixture));
				}
			}
			else if (parameter.getAnnotation(RequestBody.class) != null) {
				if (parameter.getType() == byte[].class) {
					request.contentType("text/csv").content("key,question\n");
				}
				else {
					request.contentType(MediaType.APPLICATION_JSON).content(jsonBody(route.pattern(), fixture));
				}
			}
			else if (FORMS.contains(parameter.getType().getSimpleName())) {
				for (RecordComponent component : parameter.getType().getRecordComponents()) {
					if (!List.class.isAssignableFrom(component.getType())) {
						request.param(component.getName(), value(component.getName(), component.getType(), route.pattern(), fixture));
					}
				}
			}
		}
		return request;
	}

	private static String expand(String pattern, Fixture fixture) {
		StringBuilder path = new StringBuilder();
		Matcher matcher = VARIABLE.matcher(pattern);
		while (matcher.find()) {
			String name = matcher.group(1);
			String prefix = pattern.substring(0, matcher.end());
			String value = fixture.ids().entrySet().stream()
				.filter(e -> e.getKey().startsWith("/") && prefix.endsWith(e.getKey()))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElseGet(() -> fixture.ids().get(name));
			if (value == null) {
				throw new AssertionError("The fixture has nothing for {" + name + "} in " + pattern);
			}
			matcher.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(path);
		return path.toString();
	}

	private static String value(String name, Class<?> type, String pattern, Fixture fixture) {
		if (fixture.ids().containsKey(name) && (type == long.class || type == Long.class)) {
			return fixture.ids().get(name);
		}
		if (type == java.time.LocalDate.class) {
			return "2026-11-30";
		}
		if (type == Role.class) {
			// grants the role the target holds already; removes one they never held, so they stay in the organisation
			return pattern.endsWith("/remove") ? Role.ANALYST.name() : Role.OPERATOR.name();
		}
		if (type.isEnum()) {
			Object[] constants = type.getEnumConstants();
			return ((Enum<?>) constants[constants.length > 1 ? 1 : 0]).name();
		}
		if (type == boolean.class || type == Boolean.class) {
			// a restricted fixture team would hide the fixture conversation from everyone after
			return pattern.endsWith("/restricted") ? "false" : "true";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == Double.class) {
			return "1";
		}
		return switch (name) {
			case "username" -> unique("u").replace("-", "");
			case "password" -> "another-long-password";
			case "from" -> fixture.ids().get("from");
			case "timeZone" -> "America/Lima";
			case "countryCode" -> "PE";
			case "languages" -> "es";
			case "slug", "key" -> unique("k").substring(0, 10);
			case "status" -> "BOOKED";
			case "reason" -> "para devolver la llamada";
			case "phone" -> fixture.ids().get("from");
			case "olderThan" -> "P1D";
			case "dataType" -> "message_texts";
			default -> "hola";
		};
	}

	private static String jsonBody(String pattern, Fixture fixture) {
		if (pattern.endsWith("/templates")) {
			return "{\"name\": \"aviso2\", \"language\": \"es\", \"body\": \"Hola {{1}}\"}";
		}
		if (pattern.endsWith("/channel")) {
			return "{\"values\": {}}";
		}
		if (pattern.endsWith("/privacy/purge")) {
			return "{\"olderThan\": \"P1D\"}";
		}
		if (pattern.endsWith("/messages")) {
			return "{\"from\": \"" + fixture.ids().get("from") + "\", \"text\": \"hola\"}";
		}
		return switch (pattern) {
			case "/api/lines" -> """
					{"organisationId": %s, "key": "%s", "name": "Otra", "channelType": "SIMULATOR", "countryCode": "PE",
					 "timeZone": "America/Lima", "languages": ["es"], "retentionDays": 30}
					""".formatted(fixture.ids().get("organisationId"), unique("m").substring(0, 10));
			case "/api/conversations/{conversationId}/assign" -> "{\"userId\": " + fixture.ids().get("userId") + "}";
			case "/api/organisations/{organisationId}/users" -> """
					{"username": "%s", "displayName": "Nueva", "password": "another-long-password", "role": "OPERATOR"}
					""".formatted(unique("u").replace("-", ""));
			// the fixture operator keeps their role, so later routes still find them in the organisation
			case "/api/organisations/{organisationId}/users/{userId}/roles" -> "{\"roles\": [\"OPERATOR\"]}";
			case "/api/organisations/{organisationId}/webhooks" -> "{\"url\": \"https://crm.example.org/e\", \"events\": [\"conversation.closed\"]}";
			case "/api/lines/{lineKey}/contacts/{code}/consent" -> "{\"purpose\": \"SURVEYS\", \"event\": \"GIVEN\", \"source\": \"matrix\"}";
			default -> "{\"text\": \"hola\"}";
		};
	}

	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		this.mapping.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getName().startsWith("org.linea.")) {
				return;
			}
			for (String pattern : info.getPatternValues()) {
				for (var method : info.getMethodsCondition().getMethods()) {
					routes.add(new Route(HttpMethod.valueOf(method.name()), pattern, info, handler));
				}
			}
		});
		routes.sort(Comparator.comparing(Route::pattern).thenComparing(r -> r.method().name()));
		return routes;
	}

	private record Fixture(Organisation own, Organisation other, Map<String, String> ids) {
	}

	private record Route(HttpMethod method, String pattern, RequestMappingInfo info, HandlerMethod handler) {

		Permission[] permissions() {
			return RouteGuard.declared(this.handler);
		}

		/** About one organisation's things: names one in its path or its parameters. */
		boolean scoped() {
			if (VARIABLE.matcher(this.pattern).find()) {
				return true;
			}
			for (Parameter parameter : this.handler.getMethod().getParameters()) {
				RequestParam param = parameter.getAnnotation(RequestParam.class);
				if (param != null && SCOPING_PARAMETERS.contains(param.name().isEmpty() ? parameter.getName() : param.name())) {
					return true;
				}
				if (parameter.getType().isRecord() && List.of(parameter.getType().getRecordComponents()).stream()
					.anyMatch(c -> SCOPING_PARAMETERS.contains(c.getName()))) {
					return true;
				}
			}
			return false;
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

}
