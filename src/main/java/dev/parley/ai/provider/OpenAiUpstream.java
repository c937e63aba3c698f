package dev.parley.ai.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;

import dev.parley.ai.GenerationFailed;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * An OpenAI-compatible server ({@code openai} or a named {@code parley.ai.providers.<name>})
 * reached over plain HTTP, for requests passed through as clients sent them: a JSON body goes to
 * {@code <base URL><path>} with the key as a bearer token, and the answer comes back as the server
 * sent it, as bytes. Which key and base URL are the same as for {@link SpringAiChatProvider}: the
 * user's own when the call carries one (their base URL, else the configured one), else the
 * server's. A user's own base URL is held to the outbound address guard on every connection.
 * <p>
 * An HTTP error is thrown as a {@link ProviderRefusal} (its body read and cleaned, the connection
 * given back); no answer as a {@link ProviderError} of status 0, or a {@link ProviderTimeout}.
 */
public final class OpenAiUpstream {

	/** OpenAI's own API, where {@code openai} goes without a configured base URL. */
	static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

	private static final MediaType JSON = MediaType.get("application/json");

	private static final int MAX_ERROR_BODY = 64 * 1024;

	private final String provider;

	private final @Nullable ProviderCredential serverCredential;

	private final String baseUrl;

	private final UpstreamHttp http;

	OpenAiUpstream(String provider, @Nullable ProviderCredential serverCredential, @Nullable String baseUrl,
			UpstreamHttp http) {
		this.provider = provider;
		this.serverCredential = serverCredential;
		this.baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl;
		this.http = http;
	}

	public String provider() {
		return provider;
	}

	/**
	 * Sends {@code body} to {@code path} ({@code /chat/completions}) and returns the successful answer,
	 * whose body the caller reads and closes. A streamed answer's reads are held to the longer of the
	 * first-token and idle timeouts, besides the request timeout.
	 * @param own the user's own key and base URL, or {@code null} for the server's
	 * @throws ProviderError when the server answered with an error or not at all
	 * @throws GenerationFailed when there is no key to call it with (an own-key-only provider)
	 */
	public Answer send(@Nullable ProviderCredential own, String path, byte[] body, boolean streamed) {
		return call(own, path, body, streamed, streamed).send();
	}

	/**
	 * A call of {@code path} with {@code body}, not yet sent, held to the request timeout only: for a
	 * caller that watches a stream's silences itself and {@linkplain Call#cancel() cancels} the call
	 * when it has waited too long (chat turns: {@code ResilientCalls}), so that no socket read pays
	 * for a timeout of its own.
	 * @throws GenerationFailed when there is no key to call it with (an own-key-only provider)
	 */
	Call watchedCall(@Nullable ProviderCredential own, String path, byte[] body, boolean streamed) {
		return call(own, path, body, streamed, false);
	}

	private Call call(@Nullable ProviderCredential own, String path, byte[] body, boolean streamed,
			boolean readTimeouts) {
		ProviderCredential credential = own != null ? own : serverCredential;
		if (credential == null) {
			throw new GenerationFailed(GenerationFailed.Reason.PROVIDER_REJECTED, "The server has no API key for '"
					+ provider + "': add your own key for this provider to use its models.");
		}
		boolean usersOwnUrl = own != null && present(own.baseUrl());
		String url = trimSlash(usersOwnUrl ? own.baseUrl() : baseUrl) + path;
		Request.Builder request = new Request.Builder().url(url)
			.post(RequestBody.create(body, JSON))
			.header("Accept", streamed ? "text/event-stream" : "application/json");
		if (present(credential.apiKey())) {
			request.header("Authorization", "Bearer " + credential.apiKey());
		}
		return new Call(http.client(usersOwnUrl, readTimeouts).newCall(request.build()));
	}

	/**
	 * Where a call with this credential goes, for naming its circuit breaker: empty for the
	 * configured endpoint, else a digest of the user's own base URL (never the URL itself).
	 */
	public static String endpointOf(@Nullable ProviderCredential own) {
		if (own == null || !present(own.baseUrl())) {
			return "";
		}
		String authority;
		try {
			URI uri = URI.create(own.baseUrl().trim());
			authority = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
		}
		catch (IllegalArgumentException ex) {
			authority = own.baseUrl();
		}
		return Integer.toHexString(authority.hashCode());
	}

	private ProviderRefusal refusal(Response response) {
		try (response) {
			ResponseBody body = response.body();
			byte[] bytes = body == null ? new byte[0] : body.byteStream().readNBytes(MAX_ERROR_BODY);
			return ErrorBodies.refusal(provider, response.code(), retryAfter(response), bytes);
		}
		catch (IOException | RuntimeException ex) {
			return ErrorBodies.refusal(provider, response.code(), retryAfter(response), new byte[0]);
		}
	}

	private static @Nullable Duration retryAfter(Response response) {
		return ProviderErrors.retryAfter(response.header("retry-after-ms"), response.header("Retry-After"));
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static String trimSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/** A request ready to go: sent once, and cancelled from any thread, before or while it is sent and read. */
	public final class Call {

		private final okhttp3.Call call;

		private Call(okhttp3.Call call) {
			this.call = call;
		}

		/**
		 * Sends the request and returns the successful answer, whose body the caller reads and closes.
		 * @throws ProviderError when the server answered with an error or not at all
		 */
		public Answer send() {
			Response response;
			try {
				response = call.execute();
			}
			catch (InterruptedIOException ex) {
				throw new ProviderTimeout(provider + " did not answer in time", ex);
			}
			catch (IOException | IllegalArgumentException ex) {
				throw new ProviderError(0, null, provider + " could not be reached or broke the connection", ex);
			}
			if (!response.isSuccessful()) {
				throw refusal(response);
			}
			return new Answer(response);
		}

		/** Ends the call: a read waiting for the answer fails at once. Nothing happens once it is over. */
		public void cancel() {
			call.cancel();
		}
	}

	/** A successful answer: its status, content type and body, to be closed once read. */
	public static final class Answer implements AutoCloseable {

		private final Response response;

		private Answer(Response response) {
			this.response = response;
		}

		public int status() {
			return response.code();
		}

		public @Nullable String contentType() {
			return response.header("Content-Type");
		}

		/** The body as the server sends it; reading it blocks until bytes arrive. */
		public InputStream body() {
			ResponseBody body = response.body();
			return body == null ? InputStream.nullInputStream() : body.byteStream();
		}

		@Override
		public void close() {
			response.close();
		}
	}
}
