package dev.parley.conversations.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * An upload as it streams to the store: counts, hashes (SHA-256) and keeps the first bytes of what
 * passes through (for {@link ContentSniffer}); refuses more than the limit.
 */
public final class Sniffing extends FilterInputStream {

	private final long maxBytes;

	private final Supplier<? extends RuntimeException> tooLarge;

	private final byte[] head = new byte[ContentSniffer.HEAD_BYTES];

	private int headLength;

	private long size;

	private boolean ended;

	/** @param tooLarge what is thrown once more than {@code maxBytes} have passed */
	public Sniffing(InputStream content, long maxBytes, Supplier<? extends RuntimeException> tooLarge) {
		super(new DigestInputStream(content, newDigest()));
		this.maxBytes = maxBytes;
		this.tooLarge = tooLarge;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b < 0) {
			ended = true;
			return b;
		}
		seen(new byte[] { (byte) b }, 0, 1);
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n < 0) {
			ended = true;
			return n;
		}
		seen(buffer, offset, n);
		return n;
	}

	private void seen(byte[] buffer, int offset, int n) {
		size += n;
		if (size > maxBytes) {
			throw tooLarge.get();
		}
		int copied = Math.min(n, head.length - headLength);
		if (copied > 0) {
			System.arraycopy(buffer, offset, head, headLength, copied);
			headLength += copied;
		}
	}

	public byte[] head() {
		return Arrays.copyOf(head, headLength);
	}

	public boolean complete() {
		return ended && size <= head.length;
	}

	public long size() {
		return size;
	}

	public String sha256() {
		return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}
}
