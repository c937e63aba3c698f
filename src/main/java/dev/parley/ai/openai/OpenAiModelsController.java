package dev.parley.ai.openai;

import java.util.ArrayList;
import java.util.List;

import dev.parley.ai.Generations;
import dev.parley.ai.ModelCatalogue;
import dev.parley.ai.ModelInfo;
import dev.parley.ai.UnknownModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1")
@Tag(name = "OpenAI-compatible", description = "OpenAI's API shape, for OpenAI SDKs and tools (key: a Parley API key)")
class OpenAiModelsController {

	private final ModelCatalogue catalogue;

	private final Generations generations;

	private final GatewayKeyLimits keyLimits;

	OpenAiModelsController(ModelCatalogue catalogue, Generations generations, GatewayKeyLimits keyLimits) {
		this.catalogue = catalogue;
		this.generations = generations;
		this.keyLimits = keyLimits;
	}

	@GetMapping("/models")
	@Operation(summary = "The models this server offers, as OpenAI lists models: chat models, their aliases, then embedding models; with an "
			+ "API key limited to some models, only those")
	ModelList models() {
		List<OpenAiModel> models = new ArrayList<>(
				catalogue.available().stream().filter(keyLimits::visible).map(OpenAiModel::from).toList());
		catalogue.aliases().forEach((alias, model) -> {
			if (keyLimits.visible(model)) {
				models.add(new OpenAiModel(alias, "model", 0, model.id().provider()));
			}
		});
		catalogue.embeddingModels().stream().filter(keyLimits::visible).map(OpenAiModel::from).forEach(models::add);
		return new ModelList("list", models);
	}

	/**
	 * One model by its id or alias. The id holds a slash: it may be sent as it is
	 * ({@code /v1/models/openai/gpt-4o-mini}) or encoded, as OpenAI's SDKs send it
	 * ({@code /v1/models/openai%2Fgpt-4o-mini}).
	 */
	@GetMapping("/models/{*id}")
	@Operation(summary = "One model, as OpenAI retrieves a model")
	@ApiResponse(responseCode = "404", description = "No such model (code model_not_found)")
	OpenAiModel model(@Parameter(description = "a model id (provider/model) or alias") @PathVariable String id) {
		String requested = id.startsWith("/") ? id.substring(1) : id;
		if (requested.isBlank()) {
			throw new UnknownModel(requested);
		}
		ModelInfo model = generations.model(requested);
		if (!keyLimits.visible(model)) {
			throw new UnknownModel(requested);
		}
		String named = catalogue.aliases().containsKey(requested) ? requested : model.id().toString();
		return new OpenAiModel(named, "model", 0, model.id().provider());
	}

	record ModelList(String object, List<OpenAiModel> data) {
	}

	/**
	 * @param id the Parley model id (or alias) to pass as {@code model}
	 * @param created Unix seconds; Parley does not know when a provider's model was made, so always 0
	 * @param ownedBy the provider
	 */
	record OpenAiModel(String id, String object, long created, String ownedBy) {

		static OpenAiModel from(ModelInfo model) {
			return new OpenAiModel(model.id().toString(), "model", 0, model.id().provider());
		}
	}
}
