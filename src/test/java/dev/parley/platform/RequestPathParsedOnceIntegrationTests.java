package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.parley.testing.IntegrationTest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ServletRequestPathFilter;
import org.springframework.web.util.ServletRequestPathUtils;

@IntegrationTest
class RequestPathParsedOnceIntegrationTests {

	@Autowired
	FilterRegistrationBean<ServletRequestPathFilter> requestPathParsedOnce;

	@Autowired
	DelegatingFilterProxyRegistrationBean securityFilterChainRegistration;

	@Test
	void runsBeforeSpringSecuritysFilters() {
		assertThat(requestPathParsedOnce.getOrder()).isLessThan(securityFilterChainRegistration.getOrder());
	}

	@Test
	void theFiltersAfterItFindTheParsedPathAndItIsGoneAfterwards() throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/chats");
		List<String> seen = new ArrayList<>();
		FilterChain next = (req, res) -> seen
			.add(ServletRequestPathUtils.getParsedRequestPath(req).pathWithinApplication().value());
		requestPathParsedOnce.getFilter().doFilter(request, new MockHttpServletResponse(), next);
		assertThat(seen).containsExactly("/api/v1/chats");
		assertThat(ServletRequestPathUtils.hasParsedRequestPath(request)).isFalse();
	}
}
