package dev.parley.catalog.affiliate;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.parley.catalog.Product;
import dev.parley.catalog.Products;
import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.FeatureFlags;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.PageLimit;
import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Affiliate links", description = "Links to the shops' product pages that record the click")
class AffiliateController {

	private final Products products;

	private final ShopLinks links;

	private final FeatureFlags flags;

	private final ClickLedger clicks;

	AffiliateController(Products products, ShopLinks links, FeatureFlags flags, ClickLedger clicks) {
		this.products = products;
		this.links = links;
		this.flags = flags;
		this.clicks = clicks;
	}

	@GetMapping("/r/{productId}")
	@Operation(summary = "Go to a product's shop page (302), with the shop's affiliate parameters; records the click",
			description = "Public: a bearer token, when sent, records the click as the user's. Only urls on the configured "
					+ "shop hosts (https, no user info, default port) are followed; any other is a 404, never a "
					+ "redirect. With affiliate tracking off the link leads to the plain url and records nothing.")
	@ApiResponse(responseCode = "302", description = "To the shop's page",
			headers = @Header(name = "Location", description = "the shop's url with its affiliate parameters"))
	@ApiResponse(responseCode = "404", description = "No such active product, or its url is not on a shop host")
	ResponseEntity<Void> follow(@Nullable @AuthenticationPrincipal AuthenticatedUser caller,
			@PathVariable String productId, HttpServletRequest request) {
		UUID id = id(productId);
		Product product = products.find(id).filter(Product::active).orElseThrow(NoLink::new);
		boolean tracked = caller == null ? flags.enabled(FeatureFlags.AFFILIATE_TRACKING)
				: flags.enabled(FeatureFlags.AFFILIATE_TRACKING, caller.id(), Set.of(caller.role().wireName()));
		ShopLinks.Target target = product.url() == null ? null : links.target(product.url(), tracked).orElse(null);
		if (target == null) {
			throw new NoLink();
		}
		// A HEAD (a link checker, a prefetch) learns where the link leads but is no click.
		if (tracked && !HttpMethod.HEAD.matches(request.getMethod())) {
			clicks.record(id, caller == null ? null : caller.id(), target.host());
		}
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, target.location())
			.cacheControl(CacheControl.noStore())
			.header("Referrer-Policy", "no-referrer")
			.build();
	}

	@GetMapping("/api/v1/clicks")
	@Operation(summary = "Your followed affiliate links, newest first")
	CursorPage<ClickResponse> mine(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return clicks.ofUser(caller.id(), Cursor.decode(cursor), PageLimit.clamp(limit)).map(ClickResponse::from);
	}

	private static UUID id(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new NoLink();
		}
	}

	record ClickResponse(UUID id, UUID productId, String shopHost, Instant clickedAt) {

		static ClickResponse from(ClickLedger.Click click) {
			return new ClickResponse(click.id(), click.productId(), click.shopHost(), click.clickedAt());
		}
	}

	/** No active product with a url on a shop host has this id. */
	static final class NoLink extends ParleyException {

		NoLink() {
			super(ProblemKind.NOT_FOUND, "No such product link.");
		}
	}
}
