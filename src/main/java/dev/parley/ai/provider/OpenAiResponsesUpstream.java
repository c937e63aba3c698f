package dev.parley.ai.provider;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationFailed;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Sends a request body to OpenAI as the client wrote it (the caller rewrites only {@code model}) and
 * hands back the upstream's answer as it came: status, {@code Retry-After} and the body as a stream.
 * For the endpoints Parley passes through rather than translates ({@code POST /v1/responses}). The
 * key is the user's own (to their own base URL, held to the outbound address guard) or the server's
 * {@code OPENAI_API_KEY} to {@code OPENAI_BASE_URL}. No retries: the client's SDK has its own.
 */
public final class OpenAiResponsesUpstream {

	private static final MediaType JSON = MediaType.get("application/json");

	private final @Nullable ProviderCredential server;

	private final OkHttpClient http;

	private final GuardedHttp guarded;

	OpenAiResponsesUpstream(AiProperties.KeyedProvider openai, AiProperties.Timeouts timeouts, GuardedHttp guarded) {
		String baseUrl = openai.baseUrl() == null || openai.baseUrl().isBlank() ? null : openai.baseUrl();
		this.server = openai.hasKey() ? new ProviderCredential(openai.apiKey(), baseUrl) : null;
		this.guarded = guarded;
		this.http = new OkHttpClient.Builder().retryOnConnectionFailure(false)
			.connectTimeout(timeouts.connect())
			.readTimeout(timeouts.request())
			.writeTimeout(timeouts.request())
			.build();
	}

	/**
	 * POSTs {@code body} to {@code path} (such as {@code /responses}) under the OpenAI base URL.
	 * @param own the user's own key, or {@code null} for the server's
	 * @throws GenerationFailed when there is no key to call with
	 * @throws ProviderError when OpenAI cannot be reached
	 */
	public Upstream post(String path, byte[] body, @Nullable ProviderCredential own, boolean streamed) {
		ProviderCredential credential = own != null ? own : server;
		if (credential == null) {
			throw new GenerationFailed(GenerationFailed.Reason.PROVIDER_REJECTED,
					"The server has no API key for 'openai': add your own key for this provider to use its models.");
		}
		boolean guardedUrl = own != null && own.baseUrl() != null && !own.baseUrl().isBlank();
		String baseUrl = credential.baseUrl() == null || credential.baseUrl().isBlank()
				? (server != null && server.baseUrl() != null ? server.baseUrl() : OpenAiUpstream.DEFAULT_BASE_URL)
				: credential.baseUrl();
		Request.Builder request = new Request.Builder().url(baseUrl.replaceAll("/+$", "") + path)
			.post(RequestBody.create(body, JSON))
			.header("Accept", streamed ? "text/event-stream" : "application/json");
		if (credential.apiKey() != null && !credential.apiKey().isBlank()) {
			request.header("Authorization", "Bearer " + credential.apiKey());
		}
		try {
			Response response = (guardedUrl ? guarded.okHttp() : http).newCall(request.build()).execute();
			return new Upstream(response.code(), response.header("Retry-After"), response.body().byteStream(), response);
		}
		catch (IOException | RuntimeException ex) {
			throw ProviderErrors.translate("openai", ex);
		}
	}

	/** OpenAI's answer, to be read and then closed. */
	public record Upstream(int status, @Nullable String retryAfter, InputStream body, Closeable connection)
			implements Closeable {

		@Override
		public void close() throws IOException {
			connection.close();
		}
	}
}
