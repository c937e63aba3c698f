package dev.parley.ai.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.platform.outbound.HostResolver;
import dev.parley.platform.outbound.OutboundAddressGuard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaseUrlRuleTests {

	private final BaseUrlRule rule = rule(false);

	@ParameterizedTest
	@ValueSource(strings = { "https://api.openai.com/v1", "http://llm.example.com:8080", "https://8.8.8.8/v1",
			"https://[2001:4860:4860::8888]/v1" })
	void acceptsPublicHttpUrls(String url) {
		assertThat(rule.problem(url)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://example.com", "api.openai.com/v1", "/v1", "https://", "not a url",
			"file:///etc/passwd", "javascript:alert(1)" })
	void refusesWhatIsNotAnAbsoluteHttpUrl(String url) {
		assertThat(rule.problem(url)).contains("must be an absolute http or https URL");
	}

	@Test
	void refusesUserInfo() {
		assertThat(rule.problem("https://user:secret@example.com/v1")).contains("must not contain a user name or password");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:11434", "http://LOCALHOST", "http://api.localhost", "http://127.0.0.1:8000",
			"http://10.1.2.3", "http://192.168.1.10", "http://172.16.0.5", "http://169.254.169.254/latest/meta-data",
			"http://0.0.0.0", "http://[::1]:8000", "http://[fd00::1]", "http://[fe80::1]" })
	void refusesThisMachineAndPrivateNetworksByDefault(String url) {
		assertThat(rule.problem(url)).contains("must not name this server or a private network address");
	}

	@Test
	void acceptsPrivateAddressesWhenTheServerAllowsThem() {
		assertThat(rule(true).problem("http://localhost:11434")).isEmpty();
		assertThat(rule(true).problem("http://192.168.1.10:11434")).isEmpty();
	}

	private static BaseUrlRule rule(boolean allowPrivate) {
		return new BaseUrlRule(OutboundAddressGuard.of(allowPrivate, List.of(), HostResolver.SYSTEM));
	}
}
