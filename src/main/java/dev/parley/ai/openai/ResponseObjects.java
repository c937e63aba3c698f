package dev.parley.ai.openai;

import dev.parley.ai.GenerationResult;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import dev.parley.platform.Ids;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The objects of OpenAI's Responses API as Parley writes them for a bridged provider: the
 * {@code response} (echoing the request's settings as OpenAI does), its {@code message} items with
 * {@code output_text} content and its {@code function_call} items. A generation stopped by
 * {@code max_output_tokens} is {@code incomplete}.
 */
final class ResponseObjects {

	private final JsonMapper json;

	ResponseObjects(JsonMapper json) {
		this.json = json;
	}

	static String newId(String prefix) {
		return prefix + "_" + Ids.next().toString().replace("-", "");
	}

	/** The response with no output yet, in the given status. */
	ObjectNode response(String id, long createdAt, String model, JsonNode request, String status) {
		ObjectNode response = json.createObjectNode()
			.put("id", id)
			.put("object", "response")
			.put("created_at", createdAt)
			.put("status", status);
		response.putNull("error");
		response.putNull("incomplete_details");
		response.set("instructions", echo(request, "instructions"));
		response.set("max_output_tokens", echo(request, "max_output_tokens"));
		response.put("model", model);
		response.putArray("output");
		response.put("parallel_tool_calls", true);
		response.putNull("previous_response_id");
		response.put("store", false);
		response.set("temperature", echo(request, "temperature"));
		JsonNode text = request.get("text");
		response.set("text", text == null || text.isNull() ? json.createObjectNode().set("format",
				json.createObjectNode().put("type", "text")) : text);
		response.set("tool_choice", request.hasNonNull("tool_choice") ? request.get("tool_choice") : json.getNodeFactory().stringNode("auto"));
		response.set("tools", request.hasNonNull("tools") ? request.get("tools") : json.createArrayNode());
		response.putNull("top_p");
		response.set("metadata", request.hasNonNull("metadata") ? request.get("metadata") : json.createObjectNode());
		response.putNull("usage");
		return response;
	}

	/** The finished response: its output items, status and usage. */
	ObjectNode completed(ObjectNode response, GenerationResult result, String messageId, String[] callIds) {
		ArrayNode output = response.putArray("output");
		if (!result.content().isEmpty() || result.toolCalls().isEmpty()) {
			output.add(message(messageId, result.content(), "completed"));
		}
		for (int i = 0; i < result.toolCalls().size(); i++) {
			output.add(functionCall(callIds[i], result.toolCalls().get(i), "completed"));
		}
		boolean cut = "length".equals(result.finishReason());
		response.put("status", cut ? "incomplete" : "completed");
		if (cut) {
			response.putObject("incomplete_details").put("reason", "max_output_tokens");
		}
		response.set("usage", usage(result.usage()));
		return response;
	}

	ObjectNode message(String id, String text, String status) {
		ObjectNode item = json.createObjectNode()
			.put("type", "message")
			.put("id", id)
			.put("status", status)
			.put("role", "assistant");
		ArrayNode content = item.putArray("content");
		if (status.equals("completed")) {
			content.add(outputText(text));
		}
		return item;
	}

	ObjectNode outputText(String text) {
		ObjectNode part = json.createObjectNode().put("type", "output_text").put("text", text);
		part.putArray("annotations");
		part.putArray("logprobs");
		return part;
	}

	ObjectNode functionCall(String id, ToolCall call, String status) {
		return json.createObjectNode()
			.put("type", "function_call")
			.put("id", id)
			.put("call_id", call.id())
			.put("name", call.name())
			.put("arguments", status.equals("completed") ? call.arguments() : "")
			.put("status", status);
	}

	ObjectNode usage(TokenUsage usage) {
		ObjectNode node = json.createObjectNode().put("input_tokens", usage.promptTokens());
		node.putObject("input_tokens_details").put("cached_tokens", 0);
		node.put("output_tokens", usage.completionTokens());
		node.putObject("output_tokens_details").put("reasoning_tokens", 0);
		node.put("total_tokens", usage.totalTokens());
		return node;
	}

	private JsonNode echo(JsonNode request, String field) {
		return request.hasNonNull(field) ? request.get(field) : json.getNodeFactory().nullNode();
	}
}
