package dev.parley.conversations.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a file is, judged from its first bytes, never from what the client declared: images (PNG,
 * JPEG, GIF, WebP), PDF, ZIP; UTF-8 text without control characters is text, named by its
 * extension (Markdown, CSV, JSON) or plain; anything else is {@code application/octet-stream}.
 */
public final class ContentSniffer {

	/** How many leading bytes the sniffer reads. */
	public static final int HEAD_BYTES = 8192;

	public static final String OCTET_STREAM = "application/octet-stream";

	private ContentSniffer() {
	}

	/**
	 * @param head the first bytes of the file (up to {@link #HEAD_BYTES}; all of it when shorter)
	 * @param complete whether {@code head} is the whole file (a cut can split a UTF-8 character)
	 */
	public static String sniff(byte[] head, boolean complete, String fileName) {
		if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "image/png";
		}
		if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (startsWith(head, 'G', 'I', 'F', '8')) {
			return "image/gif";
		}
		if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12 && head[8] == 'W' && head[9] == 'E'
				&& head[10] == 'B' && head[11] == 'P') {
			return "image/webp";
		}
		if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
			return "application/pdf";
		}
		if (startsWith(head, 'P', 'K', 0x03, 0x04)) {
			return "application/zip";
		}
		if (isText(head, complete)) {
			return textType(fileName);
		}
		return OCTET_STREAM;
	}

	private static String textType(String fileName) {
		String name = fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".md") || name.endsWith(".markdown")) {
			return "text/markdown";
		}
		if (name.endsWith(".csv")) {
			return "text/csv";
		}
		if (name.endsWith(".json")) {
			return "application/json";
		}
		return "text/plain";
	}

	private static boolean isText(byte[] head, boolean complete) {
		int length = head.length;
		if (!complete) {
			// A multi-byte character cut at the end is not a reason to call the file binary.
			int back = 0;
			while (back < 3 && length - back - 1 >= 0 && (head[length - back - 1] & 0xC0) == 0x80) {
				back++;
			}
			if (length - back - 1 >= 0 && (head[length - back - 1] & 0xC0) == 0xC0) {
				length = length - back - 1;
			}
		}
		for (int i = 0; i < length; i++) {
			int b = head[i] & 0xFF;
			if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
				return false;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(head, 0, length));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static boolean startsWith(byte[] head, int... magic) {
		if (head.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((head[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/** Whether files of this type are shown inline; everything else is served as a download. */
	public static boolean isImage(String contentType) {
		return contentType.startsWith("image/");
	}
}
