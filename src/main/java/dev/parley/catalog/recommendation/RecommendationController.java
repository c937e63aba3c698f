package dev.parley.catalog.recommendation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.catalog.Product;
import dev.parley.identity.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/recommendations")
@Tag(name = "Recommendations", description = "Products picked for you from your swipes and interactions, each with a reason")
class RecommendationController {

	private final Recommendations recommendations;

	RecommendationController(Recommendations recommendations) {
		this.recommendations = recommendations;
	}

	@GetMapping
	@Operation(summary = "Your personalised recommendations (limit 1..50, default 10); context words (an occasion, "
			+ "a recipient) favour products that match them. Every list served is stored, so each item has an id to interact with")
	SetResponse feed(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(required = false) @Size(max = 500) String context,
			@RequestParam(required = false) @Min(1) @Max(Recommendations.MAX_LIMIT) Integer limit) {
		return SetResponse.from(recommendations.feed(caller.id(), new Recommendations.Ask(context, null, null, null,
				limit == null ? Recommendations.DEFAULT_LIMIT : limit)));
	}

	@PostMapping("/generate")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Generate and store a new set for a context, budget and recipient; with model re-ranking on, "
			+ "a model orders and explains it (only ever among active products Parley chose)")
	SetResponse generate(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody GenerateRequest request) {
		return SetResponse.from(recommendations.generate(caller.id(), new Recommendations.Ask(request.context(),
				request.recipient(), request.budget() == null ? null : request.budget().amount(),
				request.budget() == null ? null : request.budget().currency(),
				request.limit() == null ? Recommendations.DEFAULT_LIMIT : request.limit())));
	}

	@PostMapping("/{id}/interact")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record what you did with a recommendation: view, click, save, purchase or dismiss "
			+ "(a dismissal lowers the product and those like it)")
	InteractionResponse interact(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@Valid @RequestBody InteractRequest request) {
		return InteractionResponse.from(recommendations.interact(caller.id(), id, SignalStore.feedback(request.action())));
	}

	record GenerateRequest(@Size(max = 500) @Nullable String context, @Size(max = 200) @Nullable String recipient,
			@Valid @Nullable BudgetRequest budget, @Min(1) @Max(Recommendations.MAX_LIMIT) @Nullable Integer limit) {
	}

	record InteractRequest(@NotNull @Pattern(regexp = "view|click|save|purchase|dismiss",
			message = "must be one of view, click, save, purchase, dismiss") String action) {
	}

	record SetResponse(UUID id, String source, @Nullable String context, @Nullable String recipient,
			ProductCard.@Nullable Price budget, @Nullable String model, List<ItemResponse> items, Instant createdAt) {

		static SetResponse from(Recommendations.Served served) {
			RecommendationStore.StoredSet set = served.set();
			ProductCard.Price budget = set.budgetAmount() == null || set.budgetCurrency() == null ? null
					: ProductCard.Price.of(set.budgetAmount(), set.budgetCurrency());
			List<ItemResponse> items = set.items().stream().map(item -> ItemResponse.from(item, served.products().get(item.productId()))).toList();
			return new SetResponse(set.id(), set.source(), set.context(), set.recipient(), budget, set.model(), items,
					set.createdAt());
		}
	}

	/**
	 * One recommendation.
	 * @param reasonKind {@code similar_to}, {@code taste}, {@code context}, {@code popular}, or {@code model} when a model wrote the reason
	 */
	record ItemResponse(UUID id, ProductCard product, double score, String reasonKind, String reason) {

		static ItemResponse from(RecommendationStore.Item item, Product product) {
			return new ItemResponse(item.id(), ProductCard.from(product), Math.round(item.score() * 10_000) / 10_000.0,
					item.reasonKind(), item.reason());
		}
	}

	record InteractionResponse(UUID id, UUID recommendationId, UUID productId, String action, Instant createdAt) {

		static InteractionResponse from(RecommendationStore.Interaction interaction) {
			return new InteractionResponse(interaction.id(), interaction.recommendationId(), interaction.productId(),
					interaction.action(), interaction.createdAt());
		}
	}
}
