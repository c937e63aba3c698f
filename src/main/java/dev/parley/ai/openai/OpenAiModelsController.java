package dev.parley.ai.openai;

import java.util.List;

import dev.parley.ai.ModelCatalogue;
import dev.parley.ai.ModelInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1")
@Tag(name = "OpenAI-compatible", description = "OpenAI's API shape, for OpenAI SDKs and tools (key: a Parley API key)")
class OpenAiModelsController {

	private final ModelCatalogue catalogue;

	private final GatewayKeyLimits keyLimits;

	OpenAiModelsController(ModelCatalogue catalogue, GatewayKeyLimits keyLimits) {
		this.catalogue = catalogue;
		this.keyLimits = keyLimits;
	}

	@GetMapping("/models")
	@Operation(summary = "The models this server offers, as OpenAI lists models; with an API key limited to "
			+ "some models, only those")
	ModelList models() {
		return new ModelList("list",
				catalogue.available().stream().filter(keyLimits::visible).map(OpenAiModel::from).toList());
	}

	record ModelList(String object, List<OpenAiModel> data) {
	}

	/**
	 * @param id the Parley model id to pass as {@code model}
	 * @param created Unix seconds; Parley does not know when a provider's model was made, so always 0
	 * @param ownedBy the provider
	 */
	record OpenAiModel(String id, String object, long created, String ownedBy) {

		static OpenAiModel from(ModelInfo model) {
			return new OpenAiModel(model.id().toString(), "model", 0, model.id().provider());
		}
	}
}
