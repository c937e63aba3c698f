package dev.parley.ai.provider;

import java.util.ArrayList;
import java.util.List;

import dev.parley.ai.AiProperties;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The providers enabled by the settings: {@code local/echo} as a bean, the real ones as
 * {@link ConfiguredProviders} decides; all of them end up in the {@link ProviderRegistry}.
 */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "parley.ai.echo.enabled", matchIfMissing = true)
	EchoProvider echoProvider(AiProperties properties) {
		return new EchoProvider(properties.echo().delay());
	}

	@Bean
	OpenAiResponsesUpstream openAiResponsesUpstream(AiProperties properties, OutboundAddressGuard guard) {
		return new OpenAiResponsesUpstream(properties.openai(), properties.timeouts(),
				new GuardedHttp(guard, properties.timeouts()));
	}

	@Bean
	ProviderRegistry providerRegistry(List<ChatProvider> beans, AiProperties properties, OutboundAddressGuard guard) {
		List<ChatProvider> providers = new ArrayList<>(beans);
		providers.addAll(ConfiguredProviders.create(properties, guard));
		return new ProviderRegistry(providers, ConfiguredProviders.embeddings(properties, guard));
	}
}
