package dev.parley.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.ai.provider.ChatProvider;
import dev.parley.ai.provider.EchoProvider;
import dev.parley.ai.provider.ProviderRegistry;
import dev.parley.conversations.KnownModels;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What models this server offers: the curated entries of {@code parley.ai.models} whose provider is
 * enabled, plus {@code local/echo} when it is on. Any other model name of an enabled provider is
 * accepted too, with the default context window and no known price. An alias of
 * {@code parley.ai.aliases} ({@code gpt-4o-mini}) stands for its model id wherever one is
 * accepted; it is resolved here, once, and names no other alias. It answers the
 * {@link KnownModels} port, so a chat names only a model the server offers.
 */
@Component
public class ModelCatalogue implements KnownModels {

	private final Map<String, AiProperties.CatalogueEntry> entries = new LinkedHashMap<>();

	private final ProviderRegistry providers;

	private final AiProperties properties;

	ModelCatalogue(AiProperties properties, ProviderRegistry providers) {
		this.properties = properties;
		this.providers = providers;
		properties.models().forEach(entry -> entries.put(entry.id(), entry));
	}

	/** The models a client may pick from, development models last. */
	public List<ModelInfo> available() {
		List<ModelInfo> models = new ArrayList<>();
		entries.values()
			.stream()
			.filter(entry -> entry.kind() == AiProperties.ModelKind.CHAT)
			.filter(entry -> providers.find(ModelId.parse(entry.id()).provider()).isPresent())
			.forEach(entry -> models.add(describe(ModelId.parse(entry.id()))));
		providers.find(EchoProvider.ID)
			.filter(ChatProvider::development)
			.ifPresent(echo -> models.add(describe(new ModelId(EchoProvider.ID, EchoProvider.MODEL))));
		return models;
	}

	/** The aliases whose model this server offers, each with that model, in the settings' order. */
	public Map<String, ModelInfo> aliases() {
		Map<String, ModelInfo> aliases = new LinkedHashMap<>();
		properties.aliases().forEach((alias, target) -> {
			try {
				aliases.put(alias, resolve(target));
			}
			catch (UnknownModel ex) {
				// The alias names a model of a provider that is off here: it is not offered.
			}
		});
		return aliases;
	}

	/** The embedding models of the catalogue whose provider has embeddings enabled here. */
	public List<ModelInfo> embeddingModels() {
		return entries.values()
			.stream()
			.filter(entry -> entry.kind() == AiProperties.ModelKind.EMBEDDING)
			.filter(entry -> providers.embeddings(ModelId.parse(entry.id()).provider()).isPresent())
			.map(entry -> describe(ModelId.parse(entry.id())))
			.toList();
	}

	/**
	 * The embedding model to use: any model of a provider whose embeddings are enabled (by id or
	 * alias), priced when the catalogue lists it.
	 * @throws UnknownModel when no enabled provider embeds with it
	 */
	ModelInfo resolveEmbedding(@Nullable String requested) {
		if (requested == null || requested.isBlank()) {
			throw new UnknownModel(requested);
		}
		String named = requested.trim();
		ModelId modelId = ModelId.parse(properties.aliases().getOrDefault(named, named));
		if (providers.embeddings(modelId.provider()).isEmpty()) {
			throw new UnknownModel(requested);
		}
		return describe(modelId);
	}

	@Override
	public boolean isKnown(String model) {
		try {
			resolve(model);
			return true;
		}
		catch (UnknownModel ex) {
			return false;
		}
	}

	/** The model to use: the given id or alias, else the server's default. */
	ModelInfo resolve(@Nullable String requested) {
		String id = requested == null || requested.isBlank() ? properties.defaultModel() : requested.trim();
		id = properties.aliases().getOrDefault(id, id);
		ModelId modelId = ModelId.parse(id);
		if (providers.find(modelId.provider()).isEmpty()) {
			throw new UnknownModel(id);
		}
		return describe(modelId);
	}

	private ModelInfo describe(ModelId id) {
		boolean development = providers.find(id.provider()).map(ChatProvider::development).orElse(false);
		AiProperties.CatalogueEntry entry = entries.get(id.toString());
		if (entry == null) {
			return new ModelInfo(id, id.model(), development, properties.limits().defaultContextWindow(), true, null);
		}
		boolean embedding = entry.kind() == AiProperties.ModelKind.EMBEDDING;
		ModelInfo.Pricing pricing = entry.inputPerMtok() == null || (entry.outputPerMtok() == null && !embedding) ? null
				: new ModelInfo.Pricing(entry.inputPerMtok(),
						entry.outputPerMtok() == null ? java.math.BigDecimal.ZERO : entry.outputPerMtok());
		String name = entry.name() == null ? id.model() : entry.name();
		return new ModelInfo(id, name, development, entry.contextWindow(), entry.tools() && !embedding, pricing);
	}
}
