package dev.parley.identity;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What one API key may do, as its owner set it; {@code null} is the server's default (parallel
 * requests) or no limit (the others). The gateway enforces them ({@code /v1}).
 *
 * @param keyId the key
 * @param maxParallelRequests generations the key may have running at once
 * @param rpm requests per minute
 * @param tpm tokens per minute (prompt and completion)
 * @param models the models the key may use ({@code provider/model}, or {@code provider/*} for all of
 *     a provider's); {@code null} for every model
 */
public record ApiKeyLimits(UUID keyId, @Nullable Integer maxParallelRequests, @Nullable Integer rpm,
		@Nullable Integer tpm, @Nullable List<String> models) {

	/** Whether the key may use the model of this id. */
	public boolean allowsModel(String modelId) {
		if (models == null) {
			return true;
		}
		for (String allowed : models) {
			if (allowed.equals(modelId)
					|| allowed.endsWith("/*") && modelId.startsWith(allowed.substring(0, allowed.length() - 1))) {
				return true;
			}
		}
		return false;
	}
}
