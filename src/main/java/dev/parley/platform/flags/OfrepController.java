package dev.parley.platform.flags;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenFeature Remote Evaluation Protocol (OFREP, https://github.com/open-feature/protocol), so
 * that OpenFeature's OFREP providers read Parley's flags: {@code POST /ofrep/v1/evaluate/flags}
 * (bulk, with an {@code ETag}; {@code If-None-Match} answers 304) and
 * {@code POST /ofrep/v1/evaluate/flags/{key}}. The body is {@code {"context": {"targetingKey": ..., ...}}}
 * and the answers use OFREP's camelCase names. A bearer token is required (an access token or an
 * API key). The targeting key defaults to the caller's id and must be it, unless the caller is an
 * admin (403 otherwise); the roles evaluated are the caller's own, except that an admin evaluating
 * for someone else passes theirs as the context's {@code roles} list.
 */
@RestController
@Tag(name = "OFREP", description = "OpenFeature Remote Evaluation Protocol: flags for OpenFeature clients")
class OfrepController {

	private final FlagStore store;

	private final OpenFeatureFlags flags;

	OfrepController(FlagStore store, OpenFeatureFlags flags) {
		this.store = store;
		this.flags = flags;
	}

	@PostMapping("/ofrep/v1/evaluate/flags/{key}")
	@Operation(summary = "Evaluate one flag (OFREP): {key, value, reason, variant, metadata, cacheable}")
	@ApiResponse(responseCode = "200", description = "The flag's value for the targeting key",
			content = @Content(schema = @Schema(implementation = SingleEvaluation.class)))
	@ApiResponse(responseCode = "403", description = "The targeting key is another user's and the caller is no admin")
	@ApiResponse(responseCode = "404", description = "No flag has this key (errorCode FLAG_NOT_FOUND, with the key)")
	ResponseEntity<Map<String, Object>> evaluate(Authentication authentication, @PathVariable String key,
			@RequestBody(required = false) @Nullable EvaluationRequest request) {
		Target target = target(Caller.of(authentication), request);
		FlagEvaluationDetails<Boolean> details = flags.details(key, target.targetingKey(), target.roles());
		if (details.getErrorCode() == ErrorCode.FLAG_NOT_FOUND) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("key", key);
			body.put("errorCode", "FLAG_NOT_FOUND");
			body.put("errorDetails", "No flag is called " + key + ".");
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
		}
		Map<String, Object> body = success(key, details);
		body.put("cacheable", false);
		return ResponseEntity.ok(body);
	}

	@PostMapping("/ofrep/v1/evaluate/flags")
	@Operation(summary = "Evaluate every flag (OFREP bulk): {flags: [{key, value, reason, variant, metadata}]}",
			description = "Answers with an ETag; a request whose If-None-Match names the current one gets 304.")
	@ApiResponse(responseCode = "200", description = "Every flag's value for the targeting key",
			content = @Content(schema = @Schema(implementation = BulkEvaluation.class)))
	@ApiResponse(responseCode = "304", description = "Nothing changed since the ETag in If-None-Match")
	@ApiResponse(responseCode = "403", description = "The targeting key is another user's and the caller is no admin")
	ResponseEntity<Map<String, Object>> evaluateAll(Authentication authentication,
			@RequestBody(required = false) @Nullable EvaluationRequest request,
			@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		Target target = target(Caller.of(authentication), request);
		List<Map<String, Object>> evaluated = new ArrayList<>();
		for (FlagRule rule : store.all()) {
			evaluated.add(success(rule.key(), flags.details(rule.key(), target.targetingKey(), target.roles())));
		}
		String etag = etag(evaluated);
		if (ifNoneMatch != null && List.of(ifNoneMatch.split("\\s*,\\s*")).contains(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("flags", evaluated);
		return ResponseEntity.ok().eTag(etag).body(body);
	}

	private static Map<String, Object> success(String key, FlagEvaluationDetails<Boolean> details) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("key", key);
		body.put("value", details.getValue());
		body.put("reason", details.getReason());
		body.put("variant", details.getVariant());
		body.put("metadata", Map.of());
		return body;
	}

	private static Target target(Caller caller, @Nullable EvaluationRequest request) {
		Map<String, Object> context = request == null || request.context() == null ? Map.of() : request.context();
		Object targetingKey = context.get("targetingKey");
		if (targetingKey != null && !(targetingKey instanceof String)) {
			throw new InvalidContext("context.targetingKey", "must be a string");
		}
		String key = targetingKey == null || ((String) targetingKey).isBlank() ? caller.id() : (String) targetingKey;
		if (key.equalsIgnoreCase(caller.id())) {
			return new Target(caller.id(), caller.roles());
		}
		if (!caller.admin()) {
			throw new AdminOnly("context.targetingKey must be your own user id; only admins evaluate flags for others.");
		}
		Object roles = context.get("roles");
		if (roles == null) {
			return new Target(key, List.of());
		}
		if (!(roles instanceof Collection<?> list) || list.stream().anyMatch(role -> !(role instanceof String))) {
			throw new InvalidContext("context.roles", "must be a list of role names");
		}
		return new Target(key, list.stream().map(String.class::cast).toList());
	}

	private static String etag(List<Map<String, Object>> evaluated) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(evaluated.toString().getBytes(StandardCharsets.UTF_8));
			return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Target(String targetingKey, Collection<String> roles) {
	}

	/** OFREP's evaluation of one flag (documentation of the bulk answer's items). */
	record Evaluation(String key, boolean value, String reason, String variant, Map<String, Object> metadata) {
	}

	/** OFREP's single-flag answer (documentation). */
	record SingleEvaluation(String key, boolean value, String reason, String variant, Map<String, Object> metadata,
			boolean cacheable) {
	}

	/** OFREP's bulk answer (documentation). */
	record BulkEvaluation(List<Evaluation> flags) {
	}

	/** @param context OFREP's evaluation context: {@code targetingKey} and any attributes */
	record EvaluationRequest(@Nullable Map<String, Object> context) {
	}
}
