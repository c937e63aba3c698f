package dev.parley.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The catalogue's read API of the category tree for other modules. */
@Service
public class Categories {

	private final JdbcClient jdbc;

	Categories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Category> find(UUID id) {
		return jdbc.sql("select " + ProductRows.CATEGORY_COLUMNS + " from categories c where c.id = :id")
			.param("id", id)
			.query(ProductRows::category)
			.optional();
	}

	/** Every category, roots and children alike, by name. */
	public List<Category> all() {
		return jdbc.sql("select " + ProductRows.CATEGORY_COLUMNS + " from categories c order by lower(c.name), c.id")
			.query(ProductRows::category)
			.list();
	}

	/** The category and its ancestors, nearest first (the category itself, its parent, ... the root). */
	public List<Category> lineage(UUID id) {
		return jdbc.sql("""
				with recursive up(id, parent_id, name, created_at, updated_at, version, depth) as (
				  select id, parent_id, name, created_at, updated_at, version, 0 from categories where id = :id
				  union all select c.id, c.parent_id, c.name, c.created_at, c.updated_at, c.version, up.depth + 1
				  from categories c join up on c.id = up.parent_id)
				select c.* from up c order by c.depth""")
			.param("id", id)
			.query(ProductRows::category)
			.list();
	}
}
