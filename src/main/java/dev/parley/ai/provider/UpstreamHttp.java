package dev.parley.ai.provider;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.parley.ai.AiProperties;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The OkHttp clients requests passed through to OpenAI-compatible servers go out on: one for the
 * operator's configured URLs and the providers' defaults, one held to the outbound address guard
 * for users' own base URLs ({@link GuardedHttp}), each in a whole-answer and a streamed flavour.
 * A whole answer may take the request timeout between two reads; a stream the longer of the
 * first-token and idle timeouts (OkHttp's read timeout covers the wait for the response headers
 * and each wait between chunks alike). None follows redirects or retries by itself:
 * {@code ResilientCalls} retries. Built on first use, sharing one connection pool each.
 */
final class UpstreamHttp {

	private final GuardedHttp guarded;

	private final AiProperties.Timeouts timeouts;

	private volatile @Nullable Clients clients;

	UpstreamHttp(GuardedHttp guarded, AiProperties.Timeouts timeouts) {
		this.guarded = guarded;
		this.timeouts = timeouts;
	}

	OkHttpClient client(boolean usersOwnUrl, boolean streamed) {
		Clients built = clients;
		if (built == null) {
			synchronized (this) {
				if (clients == null) {
					clients = build();
				}
				built = clients;
			}
		}
		if (usersOwnUrl) {
			return streamed ? built.guardedStreamed : built.guardedWhole;
		}
		return streamed ? built.operatorStreamed : built.operatorWhole;
	}

	private Clients build() {
		OkHttpClient operator = new OkHttpClient.Builder()
			.connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
			.followRedirects(false)
			.followSslRedirects(false)
			.retryOnConnectionFailure(false)
			.connectTimeout(timeouts.connect())
			.writeTimeout(timeouts.request())
			.callTimeout(timeouts.request())
			.build();
		OkHttpClient guardedBase = guarded.okHttp();
		Duration streamRead = timeouts.firstToken().compareTo(timeouts.idle()) > 0 ? timeouts.firstToken()
				: timeouts.idle();
		return new Clients(operator.newBuilder().readTimeout(timeouts.request()).build(),
				operator.newBuilder().readTimeout(streamRead).build(),
				guardedBase.newBuilder().readTimeout(timeouts.request()).build(),
				guardedBase.newBuilder().readTimeout(streamRead).build());
	}

	private record Clients(OkHttpClient operatorWhole, OkHttpClient operatorStreamed, OkHttpClient guardedWhole,
			OkHttpClient guardedStreamed) {
	}
}
