package dev.parley.agents.tools.code;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A script's stdout: keeps the first {@code limit} bytes, counts and drops the rest, so printing in
 * a loop costs the script CPU time but no memory. Written by the script's thread, read after it ends.
 */
final class CappedOutput extends OutputStream {

	private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

	private final int limit;

	private long dropped;

	CappedOutput(int limit) {
		this.limit = limit;
	}

	@Override
	public synchronized void write(int b) {
		if (kept.size() < limit) {
			kept.write(b);
		}
		else {
			dropped++;
		}
	}

	@Override
	public synchronized void write(byte[] bytes, int offset, int length) {
		int room = Math.max(0, Math.min(length, limit - kept.size()));
		kept.write(bytes, offset, room);
		dropped += length - room;
	}

	synchronized boolean truncated() {
		return dropped > 0;
	}

	/** What was kept; a multi-byte character cut at the bound becomes U+FFFD. */
	synchronized String text() {
		return kept.toString(StandardCharsets.UTF_8);
	}
}
