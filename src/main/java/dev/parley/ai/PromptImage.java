package dev.parley.ai;

import java.util.Objects;

/**
 * An image in a user's message, as bytes (a URL was fetched, a data URL decoded, before it got here).
 *
 * @param mediaType {@code image/png}, {@code image/jpeg}, {@code image/gif} or {@code image/webp}
 * @param data the image file's bytes
 */
public record PromptImage(String mediaType, byte[] data) {

	public PromptImage {
		Objects.requireNonNull(mediaType, "mediaType");
		Objects.requireNonNull(data, "data");
	}

	/** The format's name after {@code image/}: {@code png}, {@code jpeg} ... */
	public String format() {
		return mediaType.substring(mediaType.indexOf('/') + 1);
	}
}
