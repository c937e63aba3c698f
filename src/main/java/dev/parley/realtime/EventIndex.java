package dev.parley.realtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.platform.JsonText;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable form of a reply's event log, saved with its text (see {@code V9_1__reply_event_log.sql}):
 * a JSON array whose element {@code i} is event {@code i + 1}, a number for a delta (the length of
 * its text, taken in order from the reply's content) and an object with a {@code type} for any other
 * event. Built as the events arrive, with no allocation per delta, and read back into the same
 * events, so a reader on any node numbers and splits them exactly as the node that generated them.
 */
final class EventIndex {

	private final StringBuilder entries = new StringBuilder(256);

	private int size;

	void delta(int length) {
		separate();
		entries.append(length);
	}

	void event(ReplyEvent event, JsonMapper json) {
		separate();
		entries.append(json.writeValueAsString(fields(event)));
	}

	int size() {
		return size;
	}

	JsonText snapshot() {
		return new JsonText(new StringBuilder(entries.length() + 2).append('[').append(entries).append(']').toString());
	}

	private void separate() {
		if (size++ > 0) {
			entries.append(',');
		}
	}

	private static Map<String, Object> fields(ReplyEvent event) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("type", event.type().wireName());
		switch (event) {
			case ReplyEvent.ToolCall call -> {
				fields.put("id", call.id());
				fields.put("name", call.name());
				fields.put("arguments", call.arguments());
			}
			case ReplyEvent.ToolResult result -> {
				fields.put("id", result.id());
				fields.put("ok", result.ok());
				fields.put("summary", result.summary());
			}
			case ReplyEvent.ApprovalRequired approval -> {
				fields.put("run_id", approval.runId().toString());
				fields.put("step_id", approval.stepId().toString());
				fields.put("tool", approval.tool());
				fields.put("arguments", approval.arguments());
			}
			case ReplyEvent.Delta delta -> throw new IllegalArgumentException("deltas are indexed by length");
			case ReplyEvent.Ended ended -> throw new IllegalArgumentException("the ending is not indexed");
		}
		return fields;
	}

	/**
	 * The events an index and the content saved with it describe, numbered from 1. Without an index
	 * (a reply saved before indexes were kept) the content is one delta. Text the index does not cover
	 * yet is left out: it is indexed at the next save.
	 */
	static List<ReplyEvent> read(@Nullable JsonText index, String content, JsonMapper json) {
		if (index == null) {
			return content.isEmpty() ? List.of() : List.of(new ReplyEvent.Delta(content));
		}
		JsonNode entries = json.readTree(index.json());
		List<ReplyEvent> events = new ArrayList<>(entries.size());
		int offset = 0;
		for (JsonNode entry : entries) {
			if (entry.isNumber()) {
				int end = Math.min(content.length(), offset + entry.asInt());
				events.add(new ReplyEvent.Delta(content.substring(offset, end)));
				offset = end;
				continue;
			}
			events.add(switch (entry.path("type").asString()) {
				case "tool_call" -> new ReplyEvent.ToolCall(entry.path("id").asString(), entry.path("name").asString(),
						entry.path("arguments").asString());
				case "tool_result" -> new ReplyEvent.ToolResult(entry.path("id").asString(),
						entry.path("ok").asBoolean(), entry.path("summary").asString());
				case "approval_required" -> new ReplyEvent.ApprovalRequired(
						UUID.fromString(entry.path("run_id").asString()), UUID.fromString(entry.path("step_id").asString()),
						entry.path("tool").asString(), entry.path("arguments").asString());
				default -> throw new IllegalStateException("Unknown reply event in index: " + entry);
			});
		}
		return events;
	}
}
