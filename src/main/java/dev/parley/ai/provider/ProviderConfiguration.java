package dev.parley.ai.provider;

import dev.parley.ai.AiProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The providers enabled by the settings; each is a {@link ChatProvider} bean. */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "parley.ai.echo.enabled", matchIfMissing = true)
	EchoProvider echoProvider(AiProperties properties) {
		return new EchoProvider(properties.echo().delay());
	}
}
