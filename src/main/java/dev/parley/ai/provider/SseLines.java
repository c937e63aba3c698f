package dev.parley.ai.provider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a Server-Sent Events stream, read from its bytes as they arrive, without a string
 * or a copy per line: after each {@link #next()}, the line is {@link #buffer()} from
 * {@link #start()} to {@link #end()}, its {@code \n} or {@code \r\n} left out. The buffer grows for
 * a long line, up to a limit.
 */
final class SseLines {

	private final InputStream in;

	private final int maxLine;

	private byte[] data = new byte[8 * 1024];

	private int filled;

	private int lineStart;

	private int scanFrom;

	private int start;

	private int end;

	SseLines(InputStream in, int maxLine) {
		this.in = in;
		this.maxLine = maxLine;
	}

	/**
	 * Reads up to the end of the next line, blocking until it has arrived.
	 * @return {@code false} at the end of the stream (after a last line without newline, if any)
	 * @throws IOException when reading fails, or a line is longer than the limit
	 */
	boolean next() throws IOException {
		while (true) {
			for (int i = scanFrom; i < filled; i++) {
				if (data[i] == '\n') {
					line(lineStart, i);
					lineStart = scanFrom = i + 1;
					return true;
				}
			}
			scanFrom = filled;
			if (!fill()) {
				if (lineStart < filled) {
					line(lineStart, filled);
					lineStart = scanFrom = filled;
					return true;
				}
				return false;
			}
		}
	}

	byte[] buffer() {
		return data;
	}

	int start() {
		return start;
	}

	int end() {
		return end;
	}

	/** Whether the current line starts with these ASCII bytes. */
	boolean startsWith(byte[] prefix) {
		return end - start >= prefix.length && Arrays.equals(data, start, start + prefix.length, prefix, 0, prefix.length);
	}

	private void line(int from, int newline) {
		start = from;
		end = newline > from && data[newline - 1] == '\r' ? newline - 1 : newline;
	}

	/** Reads more bytes after the unfinished line, making room first; {@code false} at the end. */
	private boolean fill() throws IOException {
		if (lineStart == filled) {
			filled = lineStart = scanFrom = 0;
		}
		else if (lineStart > 0) {
			System.arraycopy(data, lineStart, data, 0, filled - lineStart);
			filled -= lineStart;
			scanFrom -= lineStart;
			lineStart = 0;
		}
		if (filled == data.length) {
			if (data.length >= maxLine) {
				throw new IOException("a line of the stream is longer than " + maxLine + " bytes");
			}
			data = Arrays.copyOf(data, Math.min(data.length * 2, maxLine));
		}
		int read = in.read(data, filled, data.length - filled);
		if (read < 0) {
			return false;
		}
		filled += read;
		return true;
	}
}
