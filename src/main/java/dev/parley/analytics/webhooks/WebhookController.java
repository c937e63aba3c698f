package dev.parley.analytics.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Events delivered to your URLs, signed per the Standard Webhooks spec")
class WebhookController {

	private final WebhookEndpoints endpoints;

	private final WebhookDeliveries deliveries;

	WebhookController(WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
	}

	@GetMapping
	@Operation(summary = "Your webhook endpoints (never their secrets)")
	CursorPage<EndpointView> list(@AuthenticationPrincipal AuthenticatedUser caller) {
		return new CursorPage<>(endpoints.list(caller.id()).stream().map(EndpointView::of).toList(), null);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an endpoint for some event types; the answer shows its signing secret, once",
			description = "events: chat.created, chat.deleted, message.posted, message.deleted, generation.completed. "
					+ "scope: own (your events; the default) or all (everyone's; admins only). The url must be public: "
					+ "private, local and reserved addresses are refused, now and at every delivery.")
	CreatedView create(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestBody WebhookEndpoints.NewEndpoint request) {
		WebhookEndpoints.Created created = endpoints.create(caller, request);
		return new CreatedView(EndpointView.of(created.endpoint()), created.secret());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of your endpoints")
	EndpointView get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		return EndpointView.of(owned(caller, id));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove an endpoint and its deliveries")
	void delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		if (!endpoints.delete(caller.id(), id)) {
			throw new WebhookNotFound("webhook endpoint");
		}
	}

	@GetMapping("/{id}/deliveries")
	@Operation(summary = "An endpoint's deliveries, newest first: status, attempts, the last response code and error")
	CursorPage<WebhookDeliveries.Delivery> deliveries(@AuthenticationPrincipal AuthenticatedUser caller,
			@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		owned(caller, id);
		int size = PageLimit.clamp(limit);
		return CursorPage.of(deliveries.page(id, Cursor.decode(cursor), size), size,
				delivery -> new Cursor(delivery.createdAt(), delivery.id()).encode());
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a delivery that has ended (failed or succeeded) again, now, with a new round of attempts")
	@ApiResponse(responseCode = "409", description = "The delivery is still pending")
	void retry(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@PathVariable UUID deliveryId) {
		owned(caller, id);
		if (!deliveries.retry(id, deliveryId)) {
			if (deliveries.exists(id, deliveryId)) {
				throw new DeliveryNotEnded();
			}
			throw new WebhookNotFound("delivery");
		}
	}

	private WebhookEndpoint owned(AuthenticatedUser caller, UUID id) {
		return endpoints.find(caller.id(), id).orElseThrow(() -> new WebhookNotFound("webhook endpoint"));
	}

	record EndpointView(UUID id, String url, List<String> events, String scope, @Nullable String description,
			String status, @Nullable String disabledReason, Instant createdAt) {

		static EndpointView of(WebhookEndpoint endpoint) {
			return new EndpointView(endpoint.id(), endpoint.url(), endpoint.events(), endpoint.scope(),
					endpoint.description(), endpoint.status(), endpoint.disabledReason(), endpoint.createdAt());
		}
	}

	/** A new endpoint with its signing secret ({@code whsec_…}), shown this once. */
	record CreatedView(EndpointView endpoint, String secret) {
	}
}
