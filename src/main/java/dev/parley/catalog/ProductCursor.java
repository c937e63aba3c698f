package dev.parley.catalog;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import dev.parley.platform.InvalidFields;
import dev.parley.platform.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of products ended: the sort it belongs to, the last row's sort key and its id.
 * Opaque to clients (URL-safe base64); a cursor of another sort is refused naming {@code cursor}.
 */
record ProductCursor(ProductSort sort, String key, UUID id) {

	static ProductCursor after(ProductSort sort, Product product, @Nullable Float rank) {
		String key = switch (sort) {
			case PRICE, PRICE_DESC -> product.price().amount().toPlainString();
			case NEWEST -> Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, product.createdAt()));
			case POPULAR -> Long.toString(product.popularity());
			case RELEVANCE -> Integer.toString(Float.floatToIntBits(rank == null ? 0f : rank));
		};
		return new ProductCursor(sort, key, product.id());
	}

	String encode() {
		String text = sort.wireName() + "\n" + key + "\n" + id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The cursor a client sent back for a list in this sort; blank means the first page. */
	static @Nullable ProductCursor decode(@Nullable String token, ProductSort sort) {
		if (token == null || token.isBlank()) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
			if (parts.length != 3) {
				throw invalid("is not one this server issued");
			}
			if (!parts[0].equals(sort.wireName())) {
				throw invalid("belongs to a list in another sort order (" + parts[0] + ")");
			}
			ProductCursor cursor = new ProductCursor(sort, parts[1], UUID.fromString(parts[2]));
			cursor.keyValue();
			return cursor;
		}
		catch (IllegalArgumentException ex) {
			throw invalid("is not one this server issued");
		}
	}

	/** The sort key as the SQL parameter {@code :afterKey}. */
	Object keyValue() {
		return switch (sort) {
			case PRICE, PRICE_DESC -> new BigDecimal(key);
			case NEWEST -> Timestamps.sql(Instant.EPOCH.plus(Long.parseLong(key), ChronoUnit.MICROS));
			case POPULAR -> Long.parseLong(key);
			case RELEVANCE -> Float.intBitsToFloat(Integer.parseInt(key));
		};
	}

	private static InvalidFields invalid(String reason) {
		return new InvalidFields(Map.of("cursor", reason));
	}
}
