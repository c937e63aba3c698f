package dev.parley.ai;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ai")
@Tag(name = "AI", description = "Models and stateless generation")
class ModelController {

	private final ModelCatalogue catalogue;

	ModelController(ModelCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/models")
	@Operation(summary = "The models this server offers")
	ModelList models() {
		return new ModelList(catalogue.available().stream().map(ModelResponse::from).toList());
	}

	record ModelList(List<ModelResponse> items) {
	}

	record ModelResponse(String id, String provider, String name, boolean development, Capabilities capabilities,
			@Nullable Pricing pricing) {

		static ModelResponse from(ModelInfo model) {
			Pricing pricing = model.pricing() == null ? null
					: new Pricing(model.pricing().inputPerMtok(), model.pricing().outputPerMtok());
			return new ModelResponse(model.id().toString(), model.id().provider(), model.name(), model.development(),
					new Capabilities(true, model.tools() && !model.development()), pricing);
		}
	}

	record Capabilities(boolean streaming, boolean tools) {
	}

	record Pricing(BigDecimal inputPerMtok, BigDecimal outputPerMtok) {
	}
}
