package dev.parley.agents.tools.builtin;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.parley.agents.tools.ToolResult;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link HttpFetchTool} answers for the response it stopped at: the URL, status and content
 * type, and the text read from at most {@link HttpFetchTool.Limits#bytes()} of the body (HTML as
 * readable text with its title, other text as decoded, binary content only described), cut at
 * {@link HttpFetchTool.Limits#chars()} with {@code truncated} saying so.
 */
final class HttpFetchAnswer {

	private HttpFetchAnswer() {
	}

	static ToolResult of(HttpUrl url, Response response, HttpFetchTool.Limits limits) throws IOException {
		ResponseBody body = response.body();
		MediaType type = body == null ? null : body.contentType();
		byte[] bytes = new byte[0];
		boolean cut = false;
		if (body != null) {
			BufferedSource source = body.source();
			cut = source.request(limits.bytes() + 1L);
			bytes = source.getBuffer().readByteArray(Math.min(source.getBuffer().size(), limits.bytes()));
		}
		ObjectNode answer = ToolJson.object()
			.put("url", url.toString())
			.put("status", response.code())
			.put("content_type", type == null ? null : type.toString());
		String text;
		if (isHtml(type)) {
			PageText page = PageText.of(bytes, type.charset(), url.toString());
			answer.put("title", page.title());
			text = page.text();
		}
		else if (isText(type, bytes)) {
			text = new String(bytes, charset(type));
		}
		else {
			text = "";
			answer.put("note", "binary content (" + type + ", " + bytes.length + (cut ? "+" : "")
					+ " bytes) is not shown");
		}
		if (text.length() > limits.chars()) {
			text = text.substring(0, limits.chars());
			cut = true;
		}
		answer.put("truncated", cut);
		answer.put("text", text);
		return ToolResult.ok(ToolJson.text(answer));
	}

	private static boolean isHtml(@Nullable MediaType type) {
		return type != null && (type.subtype().equalsIgnoreCase("html") || type.subtype().equalsIgnoreCase("xhtml+xml"));
	}

	private static boolean isText(@Nullable MediaType type, byte[] bytes) {
		if (type == null) {
			// No type: text if it decodes as UTF-8 without control characters other than whitespace.
			String decoded = new String(bytes, StandardCharsets.UTF_8);
			return decoded.chars().noneMatch(c -> c == 0xFFFD || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'));
		}
		String subtype = type.subtype().toLowerCase(Locale.ROOT);
		return type.type().equalsIgnoreCase("text") || subtype.equals("json") || subtype.endsWith("+json")
				|| subtype.equals("xml") || subtype.endsWith("+xml") || subtype.equals("javascript")
				|| subtype.equals("x-www-form-urlencoded") || subtype.equals("yaml");
	}

	private static Charset charset(@Nullable MediaType type) {
		Charset charset = type == null ? null : type.charset();
		return charset == null ? StandardCharsets.UTF_8 : charset;
	}

}
