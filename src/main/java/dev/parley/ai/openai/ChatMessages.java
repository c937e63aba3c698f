package dev.parley.ai.openai;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.parley.ai.PromptImage;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.ToolCall;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The messages of a chat completion request as the prompt of a generation: roles mapped
 * ({@code developer} is system), assistant tool calls and {@code tool} results kept, and content
 * read from a string or an array of parts. Text parts are joined by new lines; {@code image_url}
 * parts of user messages become {@link PromptImage}s (a {@code data:} URL decoded, an http(s) URL
 * fetched by {@link RemoteImages}) when the provider takes images. Anything else is refused naming
 * the message, and the part, at fault.
 */
final class ChatMessages {

	static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

	private final RemoteImages images;

	private final long maxImageBytes;

	ChatMessages(RemoteImages images, long maxImageBytes) {
		this.images = images;
		this.maxImageBytes = maxImageBytes;
	}

	/**
	 * @param takesImages whether the model's provider takes images
	 * @param provider its id, for messages
	 */
	List<PromptMessage> prompt(List<ChatCompletionRequest.Message> messages, boolean takesImages, String provider) {
		List<PromptMessage> prompt = new ArrayList<>();
		for (int i = 0; i < messages.size(); i++) {
			prompt.add(message(messages.get(i), "messages[" + i + "]", takesImages, provider));
		}
		return prompt;
	}

	private PromptMessage message(ChatCompletionRequest.Message message, String path, boolean takesImages,
			String provider) {
		return switch (message.role()) {
			case "system", "developer" -> PromptMessage.system(text(message.content(), path + ".content", true));
			case "user" -> user(message.content(), path + ".content", takesImages, provider);
			case "assistant" -> PromptMessage.assistant(text(message.content(), path + ".content", false),
					toolCalls(message.toolCalls()));
			case "tool" -> {
				if (message.toolCallId() == null || message.toolCallId().isBlank()) {
					throw new InvalidChatRequest(path + ".tool_call_id", "A tool message must name the call it answers.");
				}
				yield PromptMessage.tool(message.toolCallId(), text(message.content(), path + ".content", true));
			}
			default -> throw new InvalidChatRequest(path + ".role", "Unsupported role '" + message.role()
					+ "': use system, developer, user, assistant or tool.");
		};
	}

	private static List<ToolCall> toolCalls(@Nullable List<ChatCompletionRequest.MessageToolCall> calls) {
		if (calls == null) {
			return List.of();
		}
		return calls.stream()
			.map(call -> new ToolCall(call.id(), call.function().name(), call.function().arguments()))
			.toList();
	}

	private PromptMessage user(@Nullable JsonNode content, String path, boolean takesImages, String provider) {
		if (content == null || !content.isArray()) {
			return PromptMessage.user(text(content, path, true));
		}
		List<String> texts = new ArrayList<>();
		List<PromptImage> pictures = new ArrayList<>();
		for (int j = 0; j < content.size(); j++) {
			JsonNode part = content.get(j);
			String partPath = path + "[" + j + "]";
			String type = part.path("type").asString("");
			if (type.equals("image_url")) {
				if (!takesImages) {
					throw new InvalidChatRequest(partPath, "The model's provider (" + provider + ") does not take images.");
				}
				pictures.add(image(part.path("image_url").path("url").asString(""), partPath));
			}
			else {
				texts.add(textPart(part, partPath));
			}
		}
		return PromptMessage.user(String.join("\n", texts), pictures);
	}

	private static String text(@Nullable JsonNode content, String path, boolean required) {
		if (content == null || content.isNull()) {
			if (!required) {
				return "";
			}
			throw new InvalidChatRequest(path, "Content is required.");
		}
		if (content.isString()) {
			return content.asString();
		}
		if (!content.isArray()) {
			throw new InvalidChatRequest(path, "Content must be a string or an array of text parts.");
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < content.size(); i++) {
			parts.add(textPart(content.get(i), path + "[" + i + "]"));
		}
		return String.join("\n", parts);
	}

	private static String textPart(JsonNode part, String path) {
		JsonNode text = part.get("text");
		if (!part.isObject() || !"text".equals(part.path("type").asString(null)) || text == null || !text.isString()) {
			throw new InvalidChatRequest(path, "Only parts of type 'text' with a string 'text' (and 'image_url' "
					+ "in user messages) are supported.");
		}
		return text.asString();
	}

	private PromptImage image(String url, String path) {
		if (url.startsWith("data:")) {
			return dataUrl(url, path);
		}
		String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw new InvalidChatRequest(path, "image_url.url must be an https URL or a data: URL.");
		}
		return images.fetch(url, path);
	}

	/** {@code data:image/png;base64,...}. */
	private PromptImage dataUrl(String url, String path) {
		int comma = url.indexOf(',');
		String header = comma < 0 ? "" : url.substring("data:".length(), comma).toLowerCase(Locale.ROOT);
		if (!header.endsWith(";base64")) {
			throw new InvalidChatRequest(path, "A data: image URL must be base64: data:image/png;base64,...");
		}
		String mediaType = header.substring(0, header.length() - ";base64".length());
		if (!IMAGE_TYPES.contains(mediaType)) {
			throw new InvalidChatRequest(path, "Images must be PNG, JPEG, GIF or WebP, not '" + mediaType + "'.");
		}
		byte[] data;
		try {
			data = Base64.getMimeDecoder().decode(url.substring(comma + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidChatRequest(path, "The data: image URL is not valid base64.");
		}
		if (data.length == 0 || data.length > maxImageBytes) {
			throw new InvalidChatRequest(path, "The image must have between 1 and " + maxImageBytes + " bytes.");
		}
		return new PromptImage(mediaType, data);
	}
}
