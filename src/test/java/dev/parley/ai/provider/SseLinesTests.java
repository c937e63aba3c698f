package dev.parley.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SseLinesTests {

	@Test
	void splitsOnNewlinesWithOrWithoutCarriageReturnAndKeepsALastLineWithoutOne() throws IOException {
		assertThat(lines(new SseLines(stream("data: a\r\n\r\ndata: b\n\nlast"), 1024)))
			.containsExactly("data: a", "", "data: b", "", "last");
	}

	@Test
	void aLineArrivingInPiecesIsOneLine() throws IOException {
		InputStream trickle = new InputStream() {

			private final byte[] bytes = "data: {\"x\":1}\nnext\n".getBytes(StandardCharsets.US_ASCII);

			private int at;

			@Override
			public int read() {
				return at < bytes.length ? bytes[at++] : -1;
			}

			@Override
			public int read(byte[] into, int offset, int length) {
				if (at == bytes.length) {
					return -1;
				}
				into[offset] = bytes[at++];
				return 1;
			}
		};

		assertThat(lines(new SseLines(trickle, 1024))).containsExactly("data: {\"x\":1}", "next");
	}

	@Test
	void aLineLongerThanTheFirstBufferGrowsItUpToTheLimit() throws IOException {
		String longLine = "data: " + "x".repeat(40_000);

		assertThat(lines(new SseLines(stream(longLine + "\nend\n"), 64 * 1024))).containsExactly(longLine, "end");
		assertThatThrownBy(() -> lines(new SseLines(stream(longLine + "\n"), 16 * 1024))).isInstanceOf(IOException.class)
			.hasMessageContaining("longer than");
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
	}

	private static List<String> lines(SseLines lines) throws IOException {
		List<String> all = new ArrayList<>();
		while (lines.next()) {
			all.add(new String(lines.buffer(), lines.start(), lines.end() - lines.start(), StandardCharsets.US_ASCII));
		}
		return all;
	}
}
