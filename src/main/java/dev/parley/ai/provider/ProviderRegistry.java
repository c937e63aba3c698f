package dev.parley.ai.provider;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The providers this server has enabled, chat and embeddings, by the id that starts their model ids. Closes those
 * holding resources when the application stops.
 */
public class ProviderRegistry implements AutoCloseable {

	private final Map<String, ChatProvider> providers;

	private final Map<String, EmbeddingProvider> embeddings;

	ProviderRegistry(List<ChatProvider> providers) {
		this(providers, List.of());
	}

	ProviderRegistry(List<ChatProvider> providers, List<EmbeddingProvider> embeddings) {
		this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(ChatProvider::id, Function.identity()));
		this.embeddings = embeddings.stream()
			.collect(Collectors.toUnmodifiableMap(EmbeddingProvider::id, Function.identity()));
	}

	/** A registry of exactly these providers; ids must be unique. */
	public static ProviderRegistry of(List<ChatProvider> providers) {
		return new ProviderRegistry(providers);
	}

	public Optional<ChatProvider> find(String id) {
		return Optional.ofNullable(providers.get(id));
	}

	/** The embedding provider of this id, when it has one and is enabled. */
	public Optional<EmbeddingProvider> embeddings(String id) {
		return Optional.ofNullable(embeddings.get(id));
	}

	public Collection<ChatProvider> all() {
		return providers.values();
	}

	@Override
	public void close() throws Exception {
		for (ChatProvider provider : providers.values()) {
			if (provider instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}
		for (EmbeddingProvider provider : embeddings.values()) {
			if (provider instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}
	}
}
