package dev.parley.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dev.parley.identity.AdminOnly;
import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.CursorPage;
import dev.parley.platform.FieldChecks;
import dev.parley.platform.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "The catalogue: search and read products; admins create, change and delete them")
class ProductController {

	private static final String FIELDS_DOC = "comma-separated fields to return (id, name, description, price, "
			+ "category_id, tags, image_url, url, featured, active, attributes, external_id, popularity, created_at, "
			+ "updated_at); an unknown name is a 400 naming fields";

	private final ProductCatalog catalog;

	private final ProductView view;

	private final CatalogJson json;

	ProductController(ProductCatalog catalog, ProductView view, CatalogJson json) {
		this.catalog = catalog;
		this.view = view;
		this.json = json;
	}

	@GetMapping
	@Operation(summary = "Search and list products",
			description = "q is full-text search (web search syntax: words, \"a phrase\", -not, or); category_id includes "
					+ "its descendants; tags (comma-separated) must all be present; prices are decimals; sort is "
					+ "newest (default), price, -price, popular (clicks and interactions) or relevance (default with q). "
					+ "Inactive products are listed for admins only (active=true|false filters them).")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProductView.ProductPage.class)))
	CursorPage<JsonNode> list(@AuthenticationPrincipal AuthenticatedUser caller, @RequestParam(required = false) String q,
			@RequestParam(name = "category_id", required = false) String categoryId,
			@RequestParam(name = "min_price", required = false) String minPrice,
			@RequestParam(name = "max_price", required = false) String maxPrice,
			@RequestParam(required = false) String tags, @RequestParam(required = false) String featured,
			@RequestParam(required = false) String active, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
			@Parameter(description = FIELDS_DOC) @RequestParam(required = false) String fields) {
		return page(caller, new ListParameters(q, categoryId, minPrice, maxPrice, tags, featured, active, sort, limit,
				cursor, fields), false);
	}

	@GetMapping("/featured")
	@Operation(summary = "Featured products (active ones), newest first; takes the list's parameters")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProductView.ProductPage.class)))
	CursorPage<JsonNode> featured(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(required = false) String q, @RequestParam(name = "category_id", required = false) String categoryId,
			@RequestParam(name = "min_price", required = false) String minPrice,
			@RequestParam(name = "max_price", required = false) String maxPrice,
			@RequestParam(required = false) String tags, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
			@Parameter(description = FIELDS_DOC) @RequestParam(required = false) String fields) {
		return page(caller, new ListParameters(q, categoryId, minPrice, maxPrice, tags, "true", "true", sort, limit,
				cursor, fields), true);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One product (an inactive one only for admins)")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProductView.ProductResponse.class)))
	JsonNode get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@Parameter(description = FIELDS_DOC) @RequestParam(required = false) String fields) {
		Set<String> selected = ProductView.fields(fields);
		return view.of(catalog.get(id, caller.isAdmin()), selected);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a product (admins)", description = "name and price are required; price.amount is a "
			+ "decimal string (\"19.99\") or a JSON number, read exactly, with at most the currency's minor digits.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ProductRequest.class)))
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ProductView.ProductResponse.class)))
	@ApiResponse(responseCode = "403", description = "You are not an admin")
	@ApiResponse(responseCode = "409", description = "Another product has this external_id")
	JsonNode create(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody String body) {
		AdminOnly.require(caller, "change the catalogue");
		return view.of(catalog.create(json.object(body)), null);
	}

	@PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a product (admins); absent fields stay, null clears an optional one")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ProductRequest.class)))
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProductView.ProductResponse.class)))
	@ApiResponse(responseCode = "403", description = "You are not an admin")
	@ApiResponse(responseCode = "409", description = "Another product has this external_id")
	JsonNode update(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id, @RequestBody String body) {
		AdminOnly.require(caller, "change the catalogue");
		return view.of(catalog.update(id, json.object(body)), null);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a product (admins); its clicks go with it")
	@ApiResponse(responseCode = "403", description = "You are not an admin")
	void delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		AdminOnly.require(caller, "change the catalogue");
		catalog.delete(id);
	}

	private CursorPage<JsonNode> page(AuthenticatedUser caller, ListParameters parameters, boolean featuredOnly) {
		FieldChecks checks = new FieldChecks();
		ProductFilter filter = parameters.filter(checks, caller.isAdmin(), featuredOnly);
		ProductSort sort = checks.check(() -> parameters.sort(filter.searches()));
		Integer limit = checks.check(parameters::pageLimit);
		Set<String> fields = checks.check(() -> ProductView.fields(parameters.fields()));
		ProductCursor after = sort == null ? null : checks.check(() -> ProductCursor.decode(parameters.cursor(), sort));
		checks.throwIfAny();
		return catalog.list(filter, sort, after, PageLimit.clamp(limit)).map(product -> view.of(product, fields));
	}

	/** The list's query parameters as sent; each is checked and named when it is wrong. */
	record ListParameters(@Nullable String q, @Nullable String categoryId, @Nullable String minPrice,
			@Nullable String maxPrice, @Nullable String tags, @Nullable String featured, @Nullable String active,
			@Nullable String sort, @Nullable String limit, @Nullable String cursor, @Nullable String fields) {

		ProductFilter filter(FieldChecks checks, boolean admin, boolean featuredOnly) {
			if (q != null && q.length() > 500) {
				checks.refuse("q", "must be at most 500 characters");
			}
			UUID category = null;
			if (categoryId != null && !categoryId.isBlank()) {
				category = ProductFields.uuid(categoryId.strip());
				if (category == null) {
					checks.refuse("category_id", "must be a category id (a UUID)");
				}
			}
			BigDecimal min = price(checks, "min_price", minPrice);
			BigDecimal max = price(checks, "max_price", maxPrice);
			if (min != null && max != null && min.compareTo(max) > 0) {
				checks.refuse("max_price", "must not be below min_price");
			}
			List<String> tagList = tags == null ? List.of()
					: Arrays.stream(tags.split(",")).map(tag -> tag.strip().toLowerCase(Locale.ROOT))
						.filter(tag -> !tag.isEmpty()).distinct().toList();
			Boolean isFeatured = bool(checks, "featured", featured);
			Boolean isActive = bool(checks, "active", active);
			if (!admin) {
				if (Boolean.FALSE.equals(isActive)) {
					checks.refuse("active", "only admins may list inactive products");
				}
				isActive = true;
			}
			return new ProductFilter(q == null || q.isBlank() ? null : q.strip(), category, min, max, tagList,
					featuredOnly ? Boolean.TRUE : isFeatured, featuredOnly ? Boolean.TRUE : isActive);
		}

		ProductSort sort(boolean searches) {
			if (sort == null || sort.isBlank()) {
				return searches ? ProductSort.RELEVANCE : ProductSort.NEWEST;
			}
			ProductSort chosen = ProductSort.of(sort.strip())
				.orElseThrow(() -> ProductFields.refused("sort", "must be price, -price, newest, popular or relevance"));
			if (chosen == ProductSort.RELEVANCE && !searches) {
				throw ProductFields.refused("sort", "relevance needs q");
			}
			return chosen;
		}

		@Nullable Integer pageLimit() {
			if (limit == null || limit.isBlank()) {
				return null;
			}
			try {
				return Integer.parseInt(limit.strip());
			}
			catch (NumberFormatException ex) {
				throw ProductFields.refused("limit", "must be a whole number from 1 to " + PageLimit.MAX);
			}
		}

		private static @Nullable BigDecimal price(FieldChecks checks, String name, @Nullable String value) {
			if (value == null || value.isBlank()) {
				return null;
			}
			try {
				BigDecimal price = new BigDecimal(value.strip());
				if (price.signum() >= 0) {
					return price;
				}
			}
			catch (NumberFormatException ex) {
				// refused below
			}
			checks.refuse(name, "must be a decimal number of at least 0");
			return null;
		}

		private static @Nullable Boolean bool(FieldChecks checks, String name, @Nullable String value) {
			if (value == null || value.isBlank()) {
				return null;
			}
			return switch (value.strip()) {
				case "true" -> true;
				case "false" -> false;
				default -> {
					checks.refuse(name, "must be true or false");
					yield null;
				}
			};
		}
	}

	/** A product as a client writes it (the documentation's view of the body). */
	@Schema(name = "ProductRequest")
	record ProductRequest(@Schema(maxLength = 300) String name, @Schema(maxLength = 20000) String description,
			ProductView.Price price, UUID categoryId, @Schema(description = "at most 30, each at most 50 characters; "
					+ "stored lower-cased") List<String> tags, String imageUrl,
			@Schema(description = "the shop's page; GET /r/{id} redirects there when its host is a configured shop host")
			String url, Boolean featured, Boolean active,
			@Schema(description = "a free JSON object of at most parley.catalog.max-attribute-bytes (16 KiB)")
			java.util.Map<String, Object> attributes,
			@Schema(description = "the shop's own id; the bulk import upserts by it", maxLength = 200) String externalId) {
	}
}
