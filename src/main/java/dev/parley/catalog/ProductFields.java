package dev.parley.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.parley.platform.FieldChecks;
import dev.parley.platform.InvalidFields;
import dev.parley.platform.JsonDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules of a product's fields, for the API and the import alike. Every bad field is reported at
 * once. Amounts are exact decimals (a JSON string such as {@code "19.99"}, or a JSON number read
 * from its text) of at most 15 integer digits and the currency's minor digits; tags are trimmed,
 * lower-cased and kept once each. A field that is not a product's, or one the server sets, is refused
 * by name rather than ignored.
 */
@Component
class ProductFields {

	static final int MAX_NAME = 300;

	static final int MAX_DESCRIPTION = 20_000;

	static final int MAX_URL = 2048;

	static final int MAX_TAGS = 30;

	static final int MAX_TAG = 50;

	static final int MAX_EXTERNAL_ID = 200;

	/** The fields a client writes. */
	static final Set<String> WRITABLE = Set.of("name", "description", "price", "category_id", "tags", "image_url", "url",
			"featured", "active", "attributes", "external_id");

	/** The fields a client reads but the server sets. */
	static final Set<String> READ_ONLY = Set.of("id", "popularity", "created_at", "updated_at");

	private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,10})?");

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private final JsonMapper json;

	private final int maxAttributeBytes;

	ProductFields(JsonMapper json, CatalogProperties properties) {
		this.json = json;
		this.maxAttributeBytes = properties.maxAttributeBytes();
	}

	/**
	 * The checked fields of this JSON object.
	 * @param creating whether name and price must be given (a new product) or every field is optional
	 * @param knownCategory whether a category id names an existing category
	 */
	ProductDraft read(JsonNode body, boolean creating, Predicate<UUID> knownCategory) {
		FieldChecks checks = new FieldChecks();
		Set<String> given = new LinkedHashSet<>();
		body.propertyNames().forEach(given::add);
		for (String field : given) {
			if (!WRITABLE.contains(field)) {
				checks.refuse(field, READ_ONLY.contains(field) ? "is read-only" : "is not a field of a product");
			}
		}
		if (creating) {
			for (String required : List.of("name", "price")) {
				if (!body.hasNonNull(required)) {
					checks.refuse(required, "is required");
				}
			}
		}
		String name = given.contains("name") ? checks.check(() -> text(body.get("name"), "name", MAX_NAME, false)) : null;
		String description = given.contains("description")
				? checks.check(() -> text(body.get("description"), "description", MAX_DESCRIPTION, true)) : null;
		Money price = given.contains("price") ? checks.check(() -> price(body.get("price"))) : null;
		UUID categoryId = given.contains("category_id")
				? checks.check(() -> category(body.get("category_id"), knownCategory)) : null;
		List<String> tags = given.contains("tags") ? checks.check(() -> tags(body.get("tags"))) : null;
		String imageUrl = given.contains("image_url") ? checks.check(() -> url(body.get("image_url"), "image_url")) : null;
		String url = given.contains("url") ? checks.check(() -> url(body.get("url"), "url")) : null;
		Boolean featured = given.contains("featured") ? checks.check(() -> flag(body.get("featured"), "featured")) : null;
		Boolean active = given.contains("active") ? checks.check(() -> flag(body.get("active"), "active")) : null;
		JsonDocument attributes = given.contains("attributes") ? checks.check(() -> attributes(body.get("attributes")))
				: null;
		String externalId = given.contains("external_id")
				? checks.check(() -> text(body.get("external_id"), "external_id", MAX_EXTERNAL_ID, true)) : null;
		checks.throwIfAny();
		return new ProductDraft(given, name, description, price, categoryId, tags, imageUrl, url, featured, active,
				attributes, externalId == null || externalId.isEmpty() ? null : externalId);
	}

	private static @Nullable String text(@Nullable JsonNode node, String field, int max, boolean nullable) {
		if (node == null || node.isNull()) {
			if (nullable) {
				return null;
			}
			throw refused(field, "must not be null");
		}
		if (!node.isString()) {
			throw refused(field, "must be a string");
		}
		String text = node.stringValue().strip();
		if (!nullable && text.isEmpty()) {
			throw refused(field, "must not be blank");
		}
		if (text.length() > max) {
			throw refused(field, "must be at most " + max + " characters");
		}
		return text;
	}

	private static Money price(JsonNode node) {
		if (!node.isObject()) {
			throw refused("price", "must be an object {amount, currency}");
		}
		FieldChecks checks = new FieldChecks();
		String currency = checks.check(() -> currency(node.get("currency")));
		BigDecimal amount = checks.check(() -> amount(node.get("amount"), currency));
		checks.throwIfAny();
		return new Money(amount, currency);
	}

	private static String currency(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			throw refused("price.currency", "is required");
		}
		if (!node.isString() || !CURRENCY.matcher(node.stringValue()).matches()) {
			throw refused("price.currency", "must be an ISO 4217 code in capitals, such as EUR");
		}
		try {
			Currency currency = Currency.getInstance(node.stringValue());
			if (currency.getDefaultFractionDigits() < 0) {
				throw refused("price.currency", "must be a currency with minor units (not a fund or metal code)");
			}
			return currency.getCurrencyCode();
		}
		catch (IllegalArgumentException ex) {
			throw refused("price.currency", "is not an ISO 4217 currency code");
		}
	}

	private static BigDecimal amount(@Nullable JsonNode node, @Nullable String currency) {
		if (node == null || node.isNull()) {
			throw refused("price.amount", "is required");
		}
		BigDecimal amount;
		if (node.isString() && AMOUNT.matcher(node.stringValue()).matches()) {
			amount = new BigDecimal(node.stringValue());
		}
		else if (node.isNumber() && (node.isIntegralNumber() || node.isBigDecimal())) {
			amount = node.decimalValue();
		}
		else {
			throw refused("price.amount", "must be a decimal number such as \"19.99\"");
		}
		if (amount.signum() < 0) {
			throw refused("price.amount", "must not be negative");
		}
		BigDecimal plain = amount.stripTrailingZeros();
		if (plain.precision() - plain.scale() > 15) {
			throw refused("price.amount", "must be below 10^15");
		}
		if (currency != null) {
			int digits = Currency.getInstance(currency).getDefaultFractionDigits();
			if (Math.max(plain.scale(), 0) > digits) {
				throw refused("price.amount", "must have at most " + digits + " decimal places in " + currency);
			}
		}
		return plain.scale() < 0 ? plain.setScale(0) : plain;
	}

	private static @Nullable UUID category(JsonNode node, Predicate<UUID> knownCategory) {
		if (node.isNull()) {
			return null;
		}
		UUID id = node.isString() ? uuid(node.stringValue()) : null;
		if (id == null) {
			throw refused("category_id", "must be a category id (a UUID)");
		}
		if (!knownCategory.test(id)) {
			throw refused("category_id", "names no category");
		}
		return id;
	}

	private static List<String> tags(JsonNode node) {
		if (node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw refused("tags", "must be an array of strings");
		}
		FieldChecks checks = new FieldChecks();
		Set<String> tags = new LinkedHashSet<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode tag = node.get(i);
			String field = "tags[" + i + "]";
			String text = checks.check(() -> text(tag, field, MAX_TAG, false));
			if (text != null) {
				tags.add(text.toLowerCase(Locale.ROOT));
			}
		}
		if (tags.size() > MAX_TAGS) {
			checks.refuse("tags", "must hold at most " + MAX_TAGS + " tags");
		}
		checks.throwIfAny();
		return new ArrayList<>(tags);
	}

	private static @Nullable String url(JsonNode node, String field) {
		if (node.isNull()) {
			return null;
		}
		if (!node.isString() || node.stringValue().length() > MAX_URL) {
			throw refused(field, "must be an http or https URL of at most " + MAX_URL + " characters");
		}
		try {
			URI uri = new URI(node.stringValue().strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
				throw refused(field, "must be an absolute http or https URL");
			}
			return uri.toString();
		}
		catch (URISyntaxException ex) {
			throw refused(field, "must be an absolute http or https URL");
		}
	}

	private static Boolean flag(JsonNode node, String field) {
		if (!node.isBoolean()) {
			throw refused(field, "must be true or false");
		}
		return node.booleanValue();
	}

	private JsonDocument attributes(JsonNode node) {
		if (node.isNull()) {
			return JsonDocument.empty();
		}
		if (!node.isObject()) {
			throw refused("attributes", "must be a JSON object");
		}
		JsonDocument document = json.treeToValue(node, JsonDocument.class);
		if (json.writeValueAsString(document).getBytes(StandardCharsets.UTF_8).length > maxAttributeBytes) {
			throw refused("attributes", "must be at most " + maxAttributeBytes + " bytes of JSON");
		}
		return document;
	}

	static @Nullable UUID uuid(String text) {
		try {
			UUID id = UUID.fromString(text);
			return id.toString().equalsIgnoreCase(text) ? id : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static InvalidFields refused(String field, String reason) {
		return new InvalidFields(Map.of(field, reason));
	}
}
