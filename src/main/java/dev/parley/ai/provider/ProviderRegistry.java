package dev.parley.ai.provider;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The providers this server has enabled, by the id that starts their model ids. */
@Component
public class ProviderRegistry {

	private final Map<String, ChatProvider> providers;

	ProviderRegistry(List<ChatProvider> providers) {
		this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(ChatProvider::id, Function.identity()));
	}

	public Optional<ChatProvider> find(String id) {
		return Optional.ofNullable(providers.get(id));
	}

	public Collection<ChatProvider> all() {
		return providers.values();
	}
}
