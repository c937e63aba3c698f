package dev.parley.ai;

import org.jspecify.annotations.Nullable;

/**
 * A model as Parley names it: {@code provider/model}, e.g. {@code openai/gpt-4o-mini} or
 * {@code ollama/llama3.2}. The model part may itself contain slashes (OpenRouter-style names).
 */
public record ModelId(String provider, String model) {

	public static ModelId parse(@Nullable String id) {
		if (id == null) {
			throw new UnknownModel(null);
		}
		int slash = id.indexOf('/');
		if (slash <= 0 || slash == id.length() - 1) {
			throw new UnknownModel(id);
		}
		return new ModelId(id.substring(0, slash), id.substring(slash + 1));
	}

	@Override
	public String toString() {
		return provider + "/" + model;
	}
}
