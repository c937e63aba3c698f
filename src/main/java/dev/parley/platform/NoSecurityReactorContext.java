package dev.parley.platform;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps Spring Security's Reactor context hook out of Parley. With WebFlux and the resource server
 * on the class path, {@code @EnableWebSecurity} imports {@code SecurityReactorContextConfiguration},
 * whose registrar installs {@code Hooks.onLastOperator}: every Reactor subscription in the JVM is
 * then wrapped in a subscriber that copies the servlet request, response and authentication into
 * the Reactor context, and every signal of every stream passes through it. The context is read
 * only by Spring Security's OAuth2 client exchange filter functions for {@code WebClient}
 * ({@code ServletOAuth2AuthorizedClientExchangeFilterFunction}, {@code ServletBearerExchangeFilterFunction});
 * Parley uses neither (its WebClients reach users' MCP servers and Ollama with their own
 * credentials, never the caller's token), and nothing in Parley reads the Reactor context.
 * <p>
 * Measured (bench/README.md, "Streamed chat turns' CPU"): the wrapper was in 4–9 % of the CPU
 * samples of streamed chat turns (each of a turn's 50 chunks passes several wrapped operators).
 */
@Configuration(proxyBeanMethods = false)
class NoSecurityReactorContext {

	/** The registrar's bean name in {@code SecurityReactorContextConfiguration}. */
	static final String REGISTRAR = "securityReactorContextSubscriberRegistrar";

	@Bean
	static BeanDefinitionRegistryPostProcessor noSecurityReactorContextRegistrar() {
		return registry -> remove(registry);
	}

	private static void remove(BeanDefinitionRegistry registry) {
		if (registry.containsBeanDefinition(REGISTRAR)) {
			registry.removeBeanDefinition(REGISTRAR);
		}
	}
}
