package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerHeaderTests {

	private static final List<@Nullable String> HEADERS = Arrays.asList(null, "", "Basic dXNlcjpwYXNz", "Bearer abc",
			"bearer abc", "BEARER abc", "BeArEr a-b.c_d~e+f/g", "Bearer abc==", "Bearer abc=", "Bearer =", "Bearer ",
			"Bearer", "bearer", "Bearerabc", "Bearer  abc", "Bearer abc ", "Bearer ab c", "Bearer abc=d", "Bearer a\n",
			"Bearer a\tb", "Bearer caf\u00e9", "Bearer abc\u0000", "Bearer\tabc", "Bearer pk_live_0123456789abcdef",
			"Bearer eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMSJ9.S2bdTP5gUrhUc55zxyESAfMDlQ_nFyQ6CpCJJOKbFyI",
			"Bearers abc", "Token abc", " Bearer abc");

	@Test
	void resolvesEveryHeaderAsSpringSecuritysDefaultResolver() {
		DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
		BearerHeader handWritten = new BearerHeader();
		for (String header : HEADERS) {
			for (String method : List.of("GET", "POST")) {
				MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/v1/chats");
				if (header != null) {
					request.addHeader("Authorization", header);
				}
				request.addParameter("access_token", "from-the-query");
				assertThat(outcome(() -> handWritten.resolve(request))).as("%s %s", method, header)
					.isEqualTo(outcome(() -> standard.resolve(request)));
			}
		}
	}

	@Test
	void refusesAMalformedBearerToken() {
		assertThatThrownBy(() -> BearerHeader.token("Bearer ab c")).isInstanceOf(OAuth2AuthenticationException.class)
			.hasMessage("Bearer token is malformed");
		assertThat(BearerHeader.token("Basic dXNlcjpwYXNz")).isNull();
		assertThat(BearerHeader.token("bearer abc==")).isEqualTo("abc==");
	}

	private static String outcome(Resolution resolution) {
		try {
			return "token " + Objects.toString(resolution.resolve());
		}
		catch (OAuth2AuthenticationException ex) {
			return "refused " + ex.getError().getErrorCode() + " " + ex.getError().getDescription();
		}
	}

	private interface Resolution {

		@Nullable String resolve();
	}
}
