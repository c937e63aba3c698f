package dev.parley.platform.streams;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;

/**
 * The parts of a batch of SSE events as one emitter write, each run of consecutive text parts joined
 * into one. Spring MVC writes every part of an event through its own message converter and response
 * wrappers (an event {@code id:…\nevent:…\ndata:} + data + {@code \n\n} is three writes); events
 * whose data is already text ({@link SseEventWriter#JSON_TEXT}) are one write for the whole batch.
 * <p>
 * Measured (bench/README.md, "Streamed chat turns' CPU"): Spring's message converters went from
 * 5.3 to 3.8 % of the CPU samples of streamed chat turns.
 */
final class TextRuns {

	private TextRuns() {
	}

	static <E> Set<DataWithMediaType> joined(EventBatch<E> batch, SseEventWriter.Encoder<E> encoder) {
		List<DataWithMediaType> parts = new ArrayList<>();
		long number = batch.first();
		for (E event : batch.events()) {
			parts.addAll(encoder.encode(number++, event).build());
		}
		return joined(parts);
	}

	static Set<DataWithMediaType> joined(List<DataWithMediaType> parts) {
		Set<DataWithMediaType> writes = new LinkedHashSet<>();
		StringBuilder text = null;
		for (DataWithMediaType part : parts) {
			if (part.getData() instanceof String piece && isText(part.getMediaType())) {
				text = text == null ? new StringBuilder(piece) : text.append(piece);
				continue;
			}
			if (text != null) {
				writes.add(new DataWithMediaType(text.toString(), SseEventWriter.JSON_TEXT));
				text = null;
			}
			writes.add(part);
		}
		if (text != null) {
			writes.add(new DataWithMediaType(text.toString(), SseEventWriter.JSON_TEXT));
		}
		return writes;
	}

	private static boolean isText(@Nullable MediaType type) {
		return type != null && type.isCompatibleWith(MediaType.TEXT_PLAIN)
				&& java.nio.charset.StandardCharsets.UTF_8.equals(type.getCharset());
	}
}
