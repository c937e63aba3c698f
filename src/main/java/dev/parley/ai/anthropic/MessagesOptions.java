package dev.parley.ai.anthropic;

import static dev.parley.ai.anthropic.MessagesRequest.text;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import dev.parley.ai.GenerationOptions;
import dev.parley.ai.PromptImage;
import dev.parley.ai.provider.ProviderCapabilities;
import dev.parley.ai.provider.ProviderCapabilities.Capability;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The options of a {@code POST /v1/messages} body that a provider may or may not honour, each
 * refused by name where the requested model's provider cannot ({@link ProviderCapabilities}).
 *
 * @param provider the provider of the requested model, named in the refusal
 * @param capabilities what that provider can honour
 * @param maxImageBytes the largest image accepted
 */
record MessagesOptions(String provider, Set<Capability> capabilities, long maxImageBytes) {

	/** A {@code base64} image block; images by URL are not fetched on this path. */
	PromptImage image(JsonNode block, String path) {
		allowed(path, Capability.IMAGES);
		JsonNode source = block.path("source");
		if (!"base64".equals(source.path("type").asString(""))) {
			throw new InvalidMessagesRequest(path + ".source.type", "Only base64 image sources are supported.");
		}
		String mediaType = text(source.get("media_type"), path + ".source.media_type");
		if (!Set.of("image/png", "image/jpeg", "image/gif", "image/webp").contains(mediaType)) {
			throw new InvalidMessagesRequest(path + ".source.media_type", "Must be image/png, image/jpeg, image/gif or image/webp.");
		}
		byte[] data;
		try {
			data = Base64.getMimeDecoder().decode(text(source.get("data"), path + ".source.data"));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidMessagesRequest(path + ".source.data", "Not valid base64.");
		}
		if (data.length > maxImageBytes) {
			throw new InvalidMessagesRequest(path + ".source.data", "The image is larger than " + maxImageBytes + " bytes.");
		}
		return new PromptImage(mediaType, data);
	}

	boolean allowed(String field, Capability capability) {
		if (!capabilities.contains(capability)) {
			throw new InvalidMessagesRequest(field, "The model's provider (" + provider + ") cannot honour '"
					+ field + "'.");
		}
		return true;
	}

	@Nullable Double topP(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
			throw new InvalidMessagesRequest("top_p", "Must be a number from 0 to 1.");
		}
		allowed("top_p", Capability.TOP_P);
		return value.asDouble();
	}

	List<String> stop(@Nullable JsonNode value) {
		if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
			return List.of();
		}
		if (!value.isArray()) {
			throw new InvalidMessagesRequest("stop_sequences", "Must be an array of strings.");
		}
		List<String> sequences = new ArrayList<>();
		for (int i = 0; i < value.size(); i++) {
			sequences.add(text(value.get(i), "stop_sequences." + i));
		}
		allowed("stop_sequences", Capability.STOP);
		return sequences;
	}

	/** {@code auto} (the default: {@code null}), {@code none}, {@code any} or one {@code tool}. */
	GenerationOptions.@Nullable ToolChoice toolChoice(@Nullable JsonNode choice) {
		if (choice == null || choice.isNull()) {
			return null;
		}
		return switch (choice.path("type").asString("")) {
			case "auto" -> null;
			// Honoured by offering no tools, which every provider can do.
			case "none" -> GenerationOptions.ToolChoice.of(GenerationOptions.ToolChoice.Mode.NONE);
			case "any" -> allowed("tool_choice", Capability.TOOL_CHOICE_REQUIRED)
					? GenerationOptions.ToolChoice.of(GenerationOptions.ToolChoice.Mode.REQUIRED) : null;
			case "tool" -> {
				String name = text(choice.get("name"), "tool_choice.name");
				allowed("tool_choice", Capability.TOOL_CHOICE_FUNCTION);
				yield GenerationOptions.ToolChoice.function(name);
			}
			default -> throw new InvalidMessagesRequest("tool_choice.type", "Must be auto, any, tool or none.");
		};
	}
}
