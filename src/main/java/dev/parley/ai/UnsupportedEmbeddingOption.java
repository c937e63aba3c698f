package dev.parley.ai;

import java.util.Map;

import dev.parley.platform.InvalidFields;

/** An embedding request asks for something its model or provider cannot do ({@code dimensions}, token input ...). */
public class UnsupportedEmbeddingOption extends InvalidFields {

	public UnsupportedEmbeddingOption(String field, String message) {
		super(message, Map.of(field, message));
	}
}
