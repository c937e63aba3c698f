package dev.parley.realtime.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.parley.realtime.websocket.FanOutMessage.Frame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link FanOutMessage}s as the JSON text that crosses Redis between nodes. */
final class FanOutCodec {

	private final JsonMapper json;

	FanOutCodec(JsonMapper json) {
		this.json = json;
	}

	String encode(FanOutMessage message) {
		ObjectNode node = json.createObjectNode();
		switch (message) {
			case FanOutMessage.ChatFrames chat -> {
				node.put("kind", "chat").put("chat_id", chat.chatId().toString());
				ArrayNode frames = node.putArray("frames");
				for (Frame frame : chat.frames()) {
					ObjectNode encoded = frames.addObject();
					encoded.put("message_id", frame.messageId() == null ? null : frame.messageId().toString());
					encoded.put("seq", frame.seq());
					encoded.put("json", frame.json());
					encoded.put("ending", frame.ending());
				}
			}
			case FanOutMessage.UserFrame user -> node.put("kind", "user")
				.put("user_id", user.userId().toString())
				.put("json", user.json());
			case FanOutMessage.CloseSession close -> node.put("kind", "close")
				.put("session_id", close.sessionId().toString());
		}
		return json.writeValueAsString(node);
	}

	FanOutMessage decode(String text) {
		JsonNode node = json.readTree(text);
		return switch (node.path("kind").asString()) {
			case "chat" -> {
				List<Frame> frames = new ArrayList<>();
				for (JsonNode frame : node.path("frames")) {
					JsonNode messageId = frame.path("message_id");
					frames.add(new Frame(messageId.isString() ? UUID.fromString(messageId.asString()) : null,
							frame.path("seq").asLong(), frame.path("json").asString(), frame.path("ending").asBoolean()));
				}
				yield new FanOutMessage.ChatFrames(UUID.fromString(node.path("chat_id").asString()), frames);
			}
			case "user" -> new FanOutMessage.UserFrame(UUID.fromString(node.path("user_id").asString()),
					node.path("json").asString());
			case "close" -> new FanOutMessage.CloseSession(UUID.fromString(node.path("session_id").asString()));
			default -> throw new IllegalArgumentException("Unknown fan-out message: " + node.path("kind"));
		};
	}
}
