package dev.parley.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.parley.platform.JsonText;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventIndexTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsBackTheSameEventsItWasBuiltFrom() {
		UUID run = UUID.randomUUID();
		UUID step = UUID.randomUUID();
		EventIndex index = new EventIndex();
		index.delta(5);
		index.event(new ReplyEvent.ToolCall("call_1", "weather", "{\"city\":\"Oslo\"}"), json);
		index.event(new ReplyEvent.ToolResult("call_1", true, "3 degrees"), json);
		index.event(new ReplyEvent.ApprovalRequired(run, step, "delete", "{}"), json);
		index.delta(3);
		index.delta(0);

		assertThat(EventIndex.read(index.snapshot(), "Hello, you", json)).containsExactly(new ReplyEvent.Delta("Hello"),
				new ReplyEvent.ToolCall("call_1", "weather", "{\"city\":\"Oslo\"}"),
				new ReplyEvent.ToolResult("call_1", true, "3 degrees"),
				new ReplyEvent.ApprovalRequired(run, step, "delete", "{}"), new ReplyEvent.Delta(", y"),
				new ReplyEvent.Delta(""));
		assertThat(index.size()).isEqualTo(6);
	}

	@Test
	void storesDeltasAsTheirLengthsOnly() {
		EventIndex index = new EventIndex();
		index.delta(5);
		index.delta(12);

		assertThat(index.snapshot()).isEqualTo(new JsonText("[5,12]"));
		assertThat(new EventIndex().snapshot()).isEqualTo(new JsonText("[]"));
	}

	@Test
	void withoutAnIndexTheContentIsOneDelta() {
		assertThat(EventIndex.read(null, "old reply", json)).containsExactly(new ReplyEvent.Delta("old reply"));
		assertThat(EventIndex.read(null, "", json)).isEmpty();
	}
}
