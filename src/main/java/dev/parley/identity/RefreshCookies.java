package dev.parley.identity;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * The refresh token of a browser client (the console) as an httpOnly cookie instead of a JSON field,
 * so that no script, not even one injected into the page, can read it. A client opts in per request
 * with {@value #HEADER}{@code : true}; the cookie is only used when the header is there too. A
 * cross-site page can neither send that header without a CORS preflight Parley does not grant with
 * credentials, nor get the cookie sent at all ({@code SameSite=Strict}), so the cookie cannot be
 * ridden by another site (CSRF). Beside it goes {@value #SESSION_COOKIE}{@code =1}, which holds no
 * secret and which scripts may read, to know whether there is a session to resume before asking.
 */
@Component
class RefreshCookies {

	static final String HEADER = "X-Parley-Refresh-Cookie";

	static final String REFRESH_COOKIE = "parley_refresh";

	static final String SESSION_COOKIE = "parley_session";

	static final String REFRESH_PATH = "/api/v1/auth";

	private final IdentityProperties properties;

	RefreshCookies(IdentityProperties properties) {
		this.properties = properties;
	}

	/** Whether the client asked for (and may use) the refresh cookie. */
	boolean wanted(HttpServletRequest request) {
		return "true".equalsIgnoreCase(request.getHeader(HEADER));
	}

	/** The refresh token of the cookie, if the client opted in and sent one. */
	@Nullable String token(HttpServletRequest request) {
		if (!wanted(request)) {
			return null;
		}
		Cookie cookie = WebUtils.getCookie(request, REFRESH_COOKIE);
		return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
	}

	void write(HttpServletRequest request, HttpServletResponse response, String refreshToken) {
		set(request, response, refreshToken, "1", properties.refreshTokenTtl());
	}

	void clear(HttpServletRequest request, HttpServletResponse response) {
		set(request, response, "", "", Duration.ZERO);
	}

	private static void set(HttpServletRequest request, HttpServletResponse response, String refreshToken,
			String session, Duration maxAge) {
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(REFRESH_COOKIE, refreshToken)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Strict")
			.path(REFRESH_PATH)
			.maxAge(maxAge)
			.build()
			.toString());
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(SESSION_COOKIE, session)
			.secure(request.isSecure())
			.sameSite("Strict")
			.path("/")
			.maxAge(maxAge)
			.build()
			.toString());
	}
}
