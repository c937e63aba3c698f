package dev.parley.identity;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The console's refresh token as an httpOnly cookie, asked for with X-Parley-Refresh-Cookie. */
@IntegrationTest
class RefreshCookieIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApiClient api;

	@Test
	void registrationWithTheHeaderSetsTheCookiesAndLeavesTheTokenOutOfTheBody() {
		Response registered = withCookieHeader("/api/v1/auth/register", null,
				map("email", newEmail(), "password", ApiClient.Session.PASSWORD));

		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.json().has("refresh_token")).isFalse();
		assertThat(registered.json().get("access_token").asString()).isNotBlank();
		String refresh = setCookie(registered, "parley_refresh");
		assertThat(refresh).contains("HttpOnly", "SameSite=Strict", "Path=/api/v1/auth", "Max-Age=604800")
			.doesNotContain("Secure");
		assertThat(cookieValue(refresh)).isNotBlank();
		String session = setCookie(registered, "parley_session");
		assertThat(session).startsWith("parley_session=1;")
			.contains("SameSite=Strict", "Path=/", "Max-Age=604800")
			.doesNotContain("HttpOnly");
	}

	@Test
	void loginWithoutTheHeaderAnswersAsBefore() {
		ApiClient.Session user = api.register();
		Response login = api.post("/api/v1/auth/login", null,
				map("email", user.email(), "password", ApiClient.Session.PASSWORD));

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("refresh_token").asString()).isNotBlank();
		assertThat(login.headers().get("set-cookie")).isNull();
	}

	@Test
	void theCookieRefreshesRotatesAndAReplayRevokesTheSession() {
		String first = cookieValue(setCookie(loginWithCookie(api.register()), "parley_refresh"));

		Response rotated = refreshWithCookie(first);
		assertThat(rotated.status()).isEqualTo(200);
		assertThat(rotated.json().has("refresh_token")).isFalse();
		String second = cookieValue(setCookie(rotated, "parley_refresh"));
		assertThat(second).isNotEqualTo(first);
		assertThat(api.get("/api/v1/auth/me", rotated.json().get("access_token").asString()).status()).isEqualTo(200);
		Response again = refreshWithCookie(second);
		assertThat(again.status()).isEqualTo(200);
		String third = cookieValue(setCookie(again, "parley_refresh"));

		Response replay = refreshWithCookie(first);

		assertThat(replay.status()).isEqualTo(401);
		assertThat(setCookie(replay, "parley_refresh")).contains("Max-Age=0");
		assertThat(setCookie(replay, "parley_session")).contains("Max-Age=0");
		assertThat(refreshWithCookie(third).status()).isEqualTo(401);
	}

	@Test
	void theCookieIsIgnoredWithoutTheHeader() {
		String cookie = cookieValue(setCookie(loginWithCookie(api.register()), "parley_refresh"));
		HttpRequest.Builder request = api.request("/api/v1/auth/refresh", null)
			.header("Cookie", "parley_refresh=" + cookie)
			.POST(HttpRequest.BodyPublishers.noBody());

		Response response = api.send(request);

		assertThat(response.status()).isEqualTo(400);
		assertThat(refreshWithCookie(cookie).status()).isEqualTo(200);
	}

	@Test
	void theHeaderWithoutACookieIsUnauthenticated() {
		Response response = withCookieHeader("/api/v1/auth/refresh", null, null);

		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void logoutWithTheHeaderClearsTheCookiesAndEndsTheirSession() {
		ApiClient.Session user = api.register();
		Response login = loginWithCookie(user);
		String cookie = cookieValue(setCookie(login, "parley_refresh"));
		String access = login.json().get("access_token").asString();
		HttpRequest.Builder request = api.request("/api/v1/auth/logout", access)
			.header("X-Parley-Refresh-Cookie", "true")
			.header("Cookie", "parley_refresh=" + cookie + "; parley_session=1")
			.POST(HttpRequest.BodyPublishers.noBody());

		Response logout = api.send(request);

		assertThat(logout.status()).isEqualTo(204);
		assertThat(setCookie(logout, "parley_refresh")).startsWith("parley_refresh=;")
			.contains("Max-Age=0", "Path=/api/v1/auth", "HttpOnly");
		assertThat(setCookie(logout, "parley_session")).contains("Max-Age=0", "Path=/");
		assertThat(refreshWithCookie(cookie).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/auth/me", access).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/auth/me", user.accessToken()).status()).isEqualTo(200);
	}

	private Response loginWithCookie(ApiClient.Session user) {
		Response login = withCookieHeader("/api/v1/auth/login", null,
				map("email", user.email(), "password", ApiClient.Session.PASSWORD));
		assertThat(login.status()).isEqualTo(200);
		return login;
	}

	private Response refreshWithCookie(String cookie) {
		return api.send(api.request("/api/v1/auth/refresh", null)
			.header("X-Parley-Refresh-Cookie", "true")
			.header("Cookie", "parley_session=1; parley_refresh=" + cookie)
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	private Response withCookieHeader(String path, String token, Object body) {
		HttpRequest.Builder request = api.request(path, token).header("X-Parley-Refresh-Cookie", "true");
		if (body == null) {
			request.POST(HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		return api.send(request);
	}

	private static String setCookie(Response response, String name) {
		List<String> cookies = response.headers()
			.entrySet()
			.stream()
			.filter(entry -> entry.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap(entry -> entry.getValue().stream())
			.filter(cookie -> cookie.startsWith(name + "="))
			.toList();
		assertThat(cookies).as("Set-Cookie " + name).hasSize(1);
		return cookies.getFirst();
	}

	private static String cookieValue(String setCookie) {
		return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
	}

	private static String newEmail() {
		return "cookie-" + UUID.randomUUID() + "@example.com";
	}
}
