package dev.parley.ai.openai;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import dev.parley.ai.AiProperties;
import dev.parley.ai.PromptImage;
import dev.parley.platform.outbound.OutboundAddressGuard;
import dev.parley.platform.outbound.OutboundAddressRefused;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.springframework.stereotype.Component;

/**
 * Fetches the images that requests give by URL, for providers that take images as bytes. Every
 * connection, redirects included, goes through the platform's {@link OutboundAddressGuard}, so a
 * URL never reaches this machine, private networks or cloud metadata; at most
 * {@code parley.ai.images.max-bytes} are read, within {@code parley.ai.images.timeout}. Only PNG,
 * JPEG, GIF and WebP are taken. Whatever fails is the request's fault: a 400 naming the part.
 */
@Component
class RemoteImages {

	private final OkHttpClient client;

	private final long maxBytes;

	RemoteImages(OutboundAddressGuard guard, AiProperties properties) {
		AiProperties.Images settings = properties.images();
		this.maxBytes = settings.maxBytes().toBytes();
		this.client = new OkHttpClient.Builder().socketFactory(guard.socketFactory())
			.dns(guard::resolve)
			.retryOnConnectionFailure(false)
			.callTimeout(settings.timeout())
			.connectTimeout(settings.timeout())
			.readTimeout(settings.timeout())
			.build();
	}

	long maxBytes() {
		return maxBytes;
	}

	/** The image at {@code url}; {@code path} names the content part, for the error. */
	PromptImage fetch(String url, String path) {
		HttpUrl parsed = HttpUrl.parse(url);
		if (parsed == null) {
			throw new InvalidChatRequest(path, "image_url.url is not a valid URL.");
		}
		Request request = new Request.Builder().url(parsed).header("Accept", "image/*").get().build();
		try (Response response = client.newCall(request).execute()) {
			if (!response.isSuccessful()) {
				throw new InvalidChatRequest(path, "The image could not be fetched (HTTP " + response.code() + ").");
			}
			ResponseBody body = response.body();
			String type = body.contentType() == null ? ""
					: (body.contentType().type() + "/" + body.contentType().subtype()).toLowerCase(Locale.ROOT);
			if (!ChatMessages.IMAGE_TYPES.contains(type)) {
				throw new InvalidChatRequest(path, "The URL is not a PNG, JPEG, GIF or WebP image (it is '" + type + "').");
			}
			return new PromptImage(type, read(body, path));
		}
		catch (OutboundAddressRefused ex) {
			throw new InvalidChatRequest(path, "The image URL points at an address this server does not fetch from "
					+ "(this machine or a private network).");
		}
		catch (IOException ex) {
			throw new InvalidChatRequest(path, "The image could not be fetched.");
		}
	}

	private byte[] read(ResponseBody body, String path) throws IOException {
		try (InputStream in = body.byteStream()) {
			byte[] data = in.readNBytes(Math.toIntExact(Math.min(maxBytes + 1, Integer.MAX_VALUE - 8)));
			if (data.length > maxBytes) {
				throw new InvalidChatRequest(path, "The image is larger than " + maxBytes + " bytes.");
			}
			if (data.length == 0) {
				throw new InvalidChatRequest(path, "The image is empty.");
			}
			return data;
		}
	}
}
