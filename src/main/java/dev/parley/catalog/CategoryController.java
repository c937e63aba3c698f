package dev.parley.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.identity.AdminOnly;
import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.FieldChecks;
import dev.parley.platform.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
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
@RequestMapping("/api/v1/categories")
@Tag(name = "Categories", description = "The category tree: read it with product counts; admins create, move, rename and delete")
class CategoryController {

	private final CategoryTree tree;

	private final CatalogJson json;

	CategoryController(CategoryTree tree, CatalogJson json) {
		this.tree = tree;
		this.json = json;
	}

	@GetMapping
	@Operation(summary = "Categories in creation order; parent_id lists one category's children")
	CursorPage<CategoryResponse> list(@RequestParam(name = "parent_id", required = false) UUID parentId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return tree.list(parentId, Cursor.decode(cursor), PageLimit.clamp(limit)).map(CategoryResponse::from);
	}

	@GetMapping("/tree")
	@Operation(summary = "The whole tree, nested to any depth, each level by name",
			description = "product_count counts the active products of a category and of all its descendants.")
	TreeResponse tree() {
		return new TreeResponse(tree.tree().stream().map(TreeNode::from).toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One category, with the count of active products in it and its descendants")
	CategoryResponse get(@PathVariable UUID id) {
		return CategoryResponse.from(tree.get(id));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a category (admins); without parent_id it is a root")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CategoryRequest.class)))
	@ApiResponse(responseCode = "403", description = "You are not an admin")
	@ApiResponse(responseCode = "409", description = "A sibling has this name already (ignoring case)")
	CategoryResponse create(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody String body) {
		AdminOnly.require(caller, "change the catalogue");
		JsonNode fields = json.object(body);
		FieldChecks checks = checked(fields);
		String name = checks.check(() -> name(fields.get("name")));
		UUID parentId = checks.check(() -> parent(fields.get("parent_id")));
		checks.throwIfAny();
		return CategoryResponse.from(tree.get(tree.create(name, parentId).id()));
	}

	@PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Rename or move a category (admins); parent_id null makes it a root",
			description = "A move under the category itself or one of its descendants is refused with a 400 naming parent_id.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CategoryRequest.class)))
	@ApiResponse(responseCode = "403", description = "You are not an admin")
	@ApiResponse(responseCode = "409", description = "A sibling at the destination has this name already")
	CategoryResponse update(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@RequestBody String body) {
		AdminOnly.require(caller, "change the catalogue");
		JsonNode fields = json.object(body);
		FieldChecks checks = checked(fields);
		String name = fields.has("name") ? checks.check(() -> name(fields.get("name"))) : null;
		boolean move = fields.has("parent_id");
		UUID parentId = move ? checks.check(() -> parent(fields.get("parent_id"))) : null;
		checks.throwIfAny();
		return CategoryResponse.from(tree.get(tree.change(id, name, move, parentId).id()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a category (admins)",
			description = "A category holding products or subcategories is a 409 unless move_to names another category "
					+ "(not inside it), which receives them all.")
	@ApiResponse(responseCode = "403", description = "You are not an admin")
	@ApiResponse(responseCode = "409", description = "The category holds products or subcategories and no move_to was given")
	void delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@RequestParam(name = "move_to", required = false) String moveTo) {
		AdminOnly.require(caller, "change the catalogue");
		UUID target = null;
		if (moveTo != null && !moveTo.isBlank()) {
			target = ProductFields.uuid(moveTo.strip());
			if (target == null) {
				throw ProductFields.refused("move_to", "must be a category id (a UUID)");
			}
		}
		tree.delete(id, target);
	}

	/** Checks of a body that already refuse every field that is not a category's. */
	private static FieldChecks checked(JsonNode fields) {
		FieldChecks checks = new FieldChecks();
		fields.propertyNames().forEach(field -> {
			if (!field.equals("name") && !field.equals("parent_id")) {
				checks.refuse(field, "is not a field of a category one may write (name, parent_id)");
			}
		});
		return checks;
	}

	private static String name(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			throw ProductFields.refused("name", "is required");
		}
		if (!node.isString() || node.stringValue().isBlank()) {
			throw ProductFields.refused("name", "must be a non-blank string");
		}
		String name = node.stringValue().strip();
		if (name.length() > 200) {
			throw ProductFields.refused("name", "must be at most 200 characters");
		}
		return name;
	}

	private static @Nullable UUID parent(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		UUID id = node.isString() ? ProductFields.uuid(node.stringValue()) : null;
		if (id == null) {
			throw ProductFields.refused("parent_id", "must be a category id (a UUID) or null");
		}
		return id;
	}

	@Schema(name = "CategoryRequest")
	record CategoryRequest(@Schema(maxLength = 200) String name, @Nullable UUID parentId) {
	}

	@Schema(name = "Category")
	record CategoryResponse(UUID id, @Nullable UUID parentId, String name,
			@Schema(description = "active products in it and its descendants") long productCount, Instant createdAt,
			Instant updatedAt) {

		static CategoryResponse from(CategoryTree.Counted counted) {
			Category category = counted.category();
			return new CategoryResponse(category.id(), category.parentId(), category.name(), counted.productCount(),
					category.createdAt(), category.updatedAt());
		}
	}

	@Schema(name = "CategoryTree")
	record TreeResponse(List<TreeNode> items) {
	}

	@Schema(name = "CategoryNode")
	record TreeNode(UUID id, @Nullable UUID parentId, String name, long productCount, List<TreeNode> children) {

		static TreeNode from(CategoryTree.Node node) {
			return new TreeNode(node.category().id(), node.category().parentId(), node.category().name(),
					node.productCount(), node.children().stream().map(TreeNode::from).toList());
		}
	}
}
