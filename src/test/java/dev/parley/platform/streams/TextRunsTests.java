package dev.parley.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class TextRunsTests {

	@Test
	void joinsTheTextOfConsecutiveEventsIntoOneWrite() {
		EventBatch<String> batch = new EventBatch<>(4, List.of("{\"a\":1}", "{\"a\":2}"), false);

		List<DataWithMediaType> writes = List.copyOf(TextRuns.joined(batch,
				(seq, json) -> SseEmitter.event().id(Long.toString(seq)).name("delta").data(json, SseEventWriter.JSON_TEXT)));

		assertThat(writes).hasSize(1);
		assertThat(writes.getFirst().getData())
			.isEqualTo("id:4\nevent:delta\ndata:{\"a\":1}\n\nid:5\nevent:delta\ndata:{\"a\":2}\n\n");
		assertThat(writes.getFirst().getMediaType()).isEqualTo(SseEventWriter.JSON_TEXT);
	}

	@Test
	void keepsDataForConvertersApartAndInOrder() {
		Map<String, String> object = Map.of("b", "x");
		EventBatch<Object> batch = new EventBatch<>(1, List.of("{\"a\":1}", object), false);

		List<DataWithMediaType> writes = List.copyOf(TextRuns.joined(batch, (seq, data) -> data instanceof String json
				? SseEmitter.event().id(Long.toString(seq)).data(json, SseEventWriter.JSON_TEXT)
				: SseEmitter.event().id(Long.toString(seq)).data(data, MediaType.APPLICATION_JSON)));

		assertThat(writes).extracting(DataWithMediaType::getData)
			.containsExactly("id:1\ndata:{\"a\":1}\n\nid:2\ndata:", object, "\n\n");
		assertThat(writes.get(1).getMediaType()).isEqualTo(MediaType.APPLICATION_JSON);
	}
}
