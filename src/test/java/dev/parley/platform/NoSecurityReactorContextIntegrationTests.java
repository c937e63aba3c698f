package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.core.publisher.Mono;

@IntegrationTest
class NoSecurityReactorContextIntegrationTests {

	private static final String SECURITY_CONTEXT_ATTRIBUTES = "org.springframework.security.SECURITY_CONTEXT_ATTRIBUTES";

	@Autowired
	ApplicationContext context;

	@AfterEach
	void clearAuthentication() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void reactorStreamsOfAnAuthenticatedThreadAreNotWrappedBySpringSecurity() {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("user", "secret", "USER"));

		Boolean wrapped = Mono.deferContextual(ctx -> Mono.just(ctx.hasKey(SECURITY_CONTEXT_ATTRIBUTES))).block();

		assertThat(wrapped).isFalse();
	}

	@Test
	void springSecuritysReactorContextRegistrarIsNotABean() {
		assertThat(context.containsBeanDefinition(NoSecurityReactorContext.REGISTRAR)).isFalse();
	}
}
