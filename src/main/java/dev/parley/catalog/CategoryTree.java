package dev.parley.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.FieldChecks;
import dev.parley.platform.Ids;
import dev.parley.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The category tree as the API shapes it: admins create, rename, move and delete categories; the
 * tree never gets a cycle (a move under the category itself or a descendant is refused naming
 * {@code parent_id}; changes of the tree take one lock so two moves cannot cross). A category's
 * product count is that of the active products in it and in all its descendants.
 */
@Service
class CategoryTree {

	/** A category and its product count (descendants included). */
	record Counted(Category category, long productCount) {
	}

	/** A node of the nested tree. */
	record Node(Category category, long productCount, List<Node> children) {
	}

	/** Closure of the tree: every (ancestor, descendant) pair, a category being its own. */
	private static final String CLOSURE = """
			with recursive closure(ancestor, descendant) as (
			  select id, id from categories %s
			  union all select cl.ancestor, c.id from closure cl join categories c on c.parent_id = cl.descendant)
			""";

	private final JdbcClient jdbc;

	private final Categories categories;

	private final Clock clock;

	CategoryTree(JdbcClient jdbc, Categories categories, Clock clock) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.clock = clock;
	}

	Counted get(UUID id) {
		Category category = categories.find(id).orElseThrow(CategoryNotFound::new);
		return new Counted(category, counts(List.of(id)).getOrDefault(id, 0L));
	}

	/** A page of categories in creation order, optionally only the children of one. */
	CursorPage<Counted> list(@Nullable UUID parentId, @Nullable Cursor after, int limit) {
		String sql = "select " + ProductRows.CATEGORY_COLUMNS + " from categories c where true"
				+ (parentId == null ? "" : " and c.parent_id = :parentId")
				+ (after == null ? "" : " and (c.created_at, c.id) > (:afterAt, :afterId)")
				+ " order by c.created_at, c.id limit :rows";
		JdbcClient.StatementSpec query = jdbc.sql(sql).param("rows", limit + 1);
		if (parentId != null) {
			query = query.param("parentId", parentId);
		}
		if (after != null) {
			query = query.param("afterAt", Timestamps.sql(after.at())).param("afterId", after.id());
		}
		List<Category> rows = query.query(ProductRows::category).list();
		Map<UUID, Long> counts = counts(rows.stream().map(Category::id).toList());
		CursorPage<Category> page = CursorPage.of(rows, limit, category -> new Cursor(category.createdAt(), category.id()).encode());
		return page.map(category -> new Counted(category, counts.getOrDefault(category.id(), 0L)));
	}

	/** The whole tree: roots and their children at any depth, each level by name. */
	List<Node> tree() {
		List<Counted> all = jdbc.sql(CLOSURE.formatted("") + """
				select c.id, c.parent_id, c.name, c.created_at, c.updated_at, c.version, count(p.id) as product_count
				from categories c join closure cl on cl.ancestor = c.id
				left join products p on p.category_id = cl.descendant and p.active
				group by c.id""")
			.query((row, n) -> new Counted(ProductRows.category(row, n), row.getLong("product_count")))
			.list();
		Map<UUID, List<Counted>> children = new LinkedHashMap<>();
		all.forEach(counted -> children.computeIfAbsent(counted.category().parentId(), key -> new ArrayList<>()).add(counted));
		return nodes(children, null);
	}

	@Transactional
	Category create(String name, @Nullable UUID parentId) {
		lockTree();
		if (parentId != null && categories.find(parentId).isEmpty()) {
			throw ProductFields.refused("parent_id", "names no category");
		}
		Instant now = clock.instant();
		UUID id = Ids.next();
		try {
			jdbc.sql("""
					insert into categories (id, parent_id, name, created_at, updated_at, version)
					values (:id, :parentId, :name, :now, :now, 0)""")
				.param("id", id)
				.param("parentId", parentId)
				.param("name", name)
				.param("now", Timestamps.sql(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw CategoryConflict.nameTaken();
		}
		return categories.find(id).orElseThrow();
	}

	/**
	 * Renames and/or moves a category.
	 * @param newParent the new parent when {@code move} is true; {@code null} makes it a root
	 */
	@Transactional
	Category change(UUID id, @Nullable String name, boolean move, @Nullable UUID newParent) {
		lockTree();
		Category category = categories.find(id).orElseThrow(CategoryNotFound::new);
		FieldChecks checks = new FieldChecks();
		if (move && newParent != null) {
			if (categories.find(newParent).isEmpty()) {
				checks.refuse("parent_id", "names no category");
			}
			else if (categories.lineage(newParent).stream().anyMatch(ancestor -> ancestor.id().equals(id))) {
				checks.refuse("parent_id", "is the category itself or one of its descendants; a move may not make a cycle");
			}
		}
		checks.throwIfAny();
		try {
			jdbc.sql("update categories set name = :name, parent_id = :parentId, updated_at = :now, version = version + 1 "
					+ "where id = :id")
				.param("name", name == null ? category.name() : name)
				.param("parentId", move ? newParent : category.parentId())
				.param("now", Timestamps.sql(clock.instant()))
				.param("id", id)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw CategoryConflict.nameTaken();
		}
		return categories.find(id).orElseThrow();
	}

	/**
	 * Deletes a category. One that holds products (active or not) or subcategories is refused unless
	 * {@code moveTo} names a category outside it, which then receives them.
	 */
	@Transactional
	void delete(UUID id, @Nullable UUID moveTo) {
		lockTree();
		categories.find(id).orElseThrow(CategoryNotFound::new);
		if (moveTo != null) {
			if (categories.find(moveTo).isEmpty()) {
				throw ProductFields.refused("move_to", "names no category");
			}
			if (categories.lineage(moveTo).stream().anyMatch(ancestor -> ancestor.id().equals(id))) {
				throw ProductFields.refused("move_to", "is the category itself or one of its descendants");
			}
		}
		long products = jdbc.sql("select count(*) from products where category_id = :id").param("id", id)
			.query(Long.class).single();
		long children = jdbc.sql("select count(*) from categories where parent_id = :id").param("id", id)
			.query(Long.class).single();
		if (products + children > 0) {
			if (moveTo == null) {
				throw CategoryConflict.inUse(products, children);
			}
			jdbc.sql("update products set category_id = :to, updated_at = :now, version = version + 1 where category_id = :id")
				.param("to", moveTo).param("id", id).param("now", Timestamps.sql(clock.instant())).update();
			try {
				jdbc.sql("update categories set parent_id = :to, updated_at = :now, version = version + 1 where parent_id = :id")
					.param("to", moveTo).param("id", id).param("now", Timestamps.sql(clock.instant())).update();
			}
			catch (DuplicateKeyException ex) {
				throw CategoryConflict.nameTaken();
			}
		}
		jdbc.sql("delete from categories where id = :id").param("id", id).update();
	}

	Optional<Category> find(UUID id) {
		return categories.find(id);
	}

	private Map<UUID, Long> counts(List<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Long> counts = new LinkedHashMap<>();
		jdbc.sql(CLOSURE.formatted("where id = any(:ids)") + """
				select cl.ancestor, count(p.id) as product_count from closure cl
				left join products p on p.category_id = cl.descendant and p.active group by cl.ancestor""")
			.param("ids", ids.toArray(UUID[]::new))
			.query((row, n) -> counts.put(row.getObject("ancestor", UUID.class), row.getLong("product_count")))
			.list();
		return counts;
	}

	/** Every change of the tree holds this transaction lock, so concurrent moves cannot close a cycle. */
	private void lockTree() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('parley.catalog.categories'))").query().singleRow();
	}

	private static List<Node> nodes(Map<UUID, List<Counted>> children, @Nullable UUID parent) {
		return children.getOrDefault(parent, List.of())
			.stream()
			.sorted(Comparator.comparing((Counted counted) -> counted.category().name().toLowerCase(java.util.Locale.ROOT))
				.thenComparing(counted -> counted.category().id()))
			.map(counted -> new Node(counted.category(), counted.productCount(),
					nodes(children, counted.category().id())))
			.toList();
	}
}
