package dev.parley.ai.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.ai.GenerationOptions;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.ToolDefinition;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.AnyToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.AutoToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import tools.jackson.databind.JsonNode;

/**
 * A prompt and its tools in Bedrock's Converse shapes: an assistant turn is its text and one
 * {@code toolUse} block per call; the tool results after it are {@code toolResult} blocks of one
 * user message; tool definitions are {@code toolSpec}s whose JSON schema becomes a {@link Document}.
 */
final class BedrockMessages {

	private BedrockMessages() {
	}

	static List<Message> messages(List<PromptMessage> prompt) {
		List<Message> messages = new ArrayList<>();
		List<ContentBlock> results = new ArrayList<>();
		for (PromptMessage message : prompt) {
			if (message.role() != PromptMessage.Role.TOOL && !results.isEmpty()) {
				messages.add(Message.builder().role(ConversationRole.USER).content(List.copyOf(results)).build());
				results.clear();
			}
			switch (message.role()) {
				case SYSTEM -> {
					// Bedrock takes system prompts apart from the messages.
				}
				case USER -> messages.add(Message.builder().role(ConversationRole.USER).content(user(message)).build());
				case ASSISTANT -> messages.add(assistant(message));
				case TOOL -> results.add(ContentBlock.fromToolResult(ToolResultBlock.builder()
					.toolUseId(message.toolCallId() == null ? "" : message.toolCallId())
					.content(ToolResultContentBlock.fromText(message.content()))
					.build()));
			}
		}
		if (!results.isEmpty()) {
			messages.add(Message.builder().role(ConversationRole.USER).content(List.copyOf(results)).build());
		}
		return messages;
	}

	/** The text (unless there is none beside images), then each image as an image block. */
	private static List<ContentBlock> user(PromptMessage message) {
		List<ContentBlock> content = new ArrayList<>();
		if (!message.content().isBlank() || message.images().isEmpty()) {
			content.add(ContentBlock.fromText(message.content()));
		}
		message.images()
			.forEach(image -> content.add(ContentBlock.fromImage(ImageBlock.builder()
				.format(image.format())
				.source(ImageSource.fromBytes(SdkBytes.fromByteArray(image.data())))
				.build())));
		return content;
	}

	private static Message assistant(PromptMessage message) {
		List<ContentBlock> content = new ArrayList<>();
		// Bedrock refuses blank text blocks; a turn that only called tools has none.
		if (!message.content().isBlank() || message.toolCalls().isEmpty()) {
			content.add(ContentBlock.fromText(message.content()));
		}
		message.toolCalls()
			.forEach(call -> content.add(ContentBlock.fromToolUse(ToolUseBlock.builder()
				.toolUseId(call.id())
				.name(call.name())
				.input(document(ToolCalls.parse(ToolCalls.objectOrEmpty(call.arguments()))))
				.build())));
		return Message.builder().role(ConversationRole.ASSISTANT).content(content).build();
	}

	/**
	 * The tools, and the choice among them ({@code required} is {@code any}). Converse has no
	 * "none" ({@link ProviderCapabilities} does not list it for Bedrock); a call that asks for it
	 * anyway (a fallback model's) is offered no tools by {@link BedrockProvider}.
	 */
	static ToolConfiguration toolConfiguration(List<ToolDefinition> tools, GenerationOptions.@Nullable ToolChoice choice) {
		ToolConfiguration.Builder configuration = ToolConfiguration.builder();
		if (choice != null) {
			switch (choice.mode()) {
				case AUTO -> configuration.toolChoice(ToolChoice.fromAuto(AutoToolChoice.builder().build()));
				case REQUIRED -> configuration.toolChoice(ToolChoice.fromAny(AnyToolChoice.builder().build()));
				case FUNCTION -> configuration.toolChoice(
						ToolChoice.fromTool(SpecificToolChoice.builder().name(choice.function()).build()));
				case NONE -> {
				}
			}
		}
		return configuration
			.tools(tools.stream()
				.map(tool -> Tool.fromToolSpec(ToolSpecification.builder()
					.name(tool.name())
					.description(tool.description().isBlank() ? tool.name() : tool.description())
					.inputSchema(ToolInputSchema.fromJson(document(ToolCalls.parse(tool.parametersSchema()))))
					.build()))
				.toList())
			.build();
	}

	/** JSON as an AWS document; no JSON at all is an empty object. */
	static Document document(@Nullable JsonNode node) {
		if (node == null) {
			return Document.fromMap(Map.of());
		}
		if (node.isObject()) {
			Map<String, Document> fields = new LinkedHashMap<>();
			node.properties().forEach(field -> fields.put(field.getKey(), document(field.getValue())));
			return Document.fromMap(fields);
		}
		if (node.isArray()) {
			List<Document> items = new ArrayList<>();
			node.values().forEach(item -> items.add(document(item)));
			return Document.fromList(items);
		}
		if (node.isNumber()) {
			return Document.fromNumber(node.decimalValue());
		}
		if (node.isBoolean()) {
			return Document.fromBoolean(node.booleanValue());
		}
		if (node.isNull()) {
			return Document.fromNull();
		}
		return Document.fromString(node.asString());
	}
}
