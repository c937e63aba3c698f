package dev.parley.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import dev.parley.platform.Ids;
import dev.parley.platform.ParleyException;
import dev.parley.platform.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Bulk import of products from JSON lines, one product per line in the API's fields, each with an
 * {@code external_id} that the import upserts by. Blank lines are skipped (but counted, so line
 * numbers match the client's file). A bad line is reported with every error it has and skipped; the
 * good lines of one request are written in one transaction (all or none of them), so sending the
 * same file again is harmless: its lines are then {@code unchanged}.
 */
@Service
class ProductImport {

	/** The outcome of one import. */
	record Report(int created, int updated, int unchanged, int failed, List<LineErrors> errors) {
	}

	/** Every error of one bad line, numbered from 1. */
	record LineErrors(int line, List<Problems.FieldError> errors) {
	}

	private final ProductFields fields;

	private final CatalogJson json;

	private final ProductStore store;

	private final Categories categories;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final int maxLines;

	ProductImport(ProductFields fields, CatalogJson json, ProductStore store, Categories categories,
			TransactionTemplate transaction, Clock clock, CatalogProperties properties) {
		this.fields = fields;
		this.json = json;
		this.store = store;
		this.categories = categories;
		this.transaction = transaction;
		this.clock = clock;
		this.maxLines = properties.importSettings().maxLines();
	}

	Report run(String body) {
		List<String> lines = body.lines().toList();
		if (lines.size() > maxLines) {
			throw ProductFields.refused("body", "must have at most " + maxLines + " lines; split the file");
		}
		if (lines.stream().allMatch(String::isBlank)) {
			throw ProductFields.refused("body", "must hold at least one JSON line");
		}
		Map<UUID, Boolean> knownCategories = new HashMap<>();
		Predicate<UUID> knownCategory = id -> knownCategories.computeIfAbsent(id, key -> categories.find(key).isPresent());
		Map<String, Integer> lineOfExternalId = new HashMap<>();
		List<Product> valid = new ArrayList<>();
		List<LineErrors> errors = new ArrayList<>();
		Instant now = clock.instant();
		for (int i = 0; i < lines.size(); i++) {
			int number = i + 1;
			if (lines.get(i).isBlank()) {
				continue;
			}
			try {
				JsonNode node = json.object(lines.get(i));
				ProductDraft draft = fields.read(node, true, knownCategory);
				if (draft.externalId() == null) {
					throw ProductFields.refused("external_id", "is required in an import: lines are upserted by it");
				}
				Integer earlier = lineOfExternalId.putIfAbsent(draft.externalId(), number);
				if (earlier != null) {
					throw ProductFields.refused("external_id", "repeats the external_id of line " + earlier);
				}
				valid.add(draft.create(Ids.next(), now));
			}
			catch (ParleyException ex) {
				if (ex.invalidFields().isEmpty()) {
					throw ex;
				}
				errors.add(new LineErrors(number, ex.invalidFields()
					.entrySet()
					.stream()
					.map(error -> new Problems.FieldError(error.getKey(), error.getValue()))
					.toList()));
			}
		}
		Map<ProductStore.Upserted, Integer> outcomes = new HashMap<>();
		transaction.executeWithoutResult(status -> valid
			.forEach(product -> outcomes.merge(store.upsert(product), 1, Integer::sum)));
		return new Report(outcomes.getOrDefault(ProductStore.Upserted.CREATED, 0),
				outcomes.getOrDefault(ProductStore.Upserted.UPDATED, 0),
				outcomes.getOrDefault(ProductStore.Upserted.UNCHANGED, 0), errors.size(), errors);
	}
}
