package dev.parley.ai.provider;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.net.SocketFactory;

import dev.parley.ai.AiProperties;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The OkHttp clients requests passed through to OpenAI-compatible servers go out on: one for the
 * operator's configured URLs and the providers' defaults, one held to the outbound address guard
 * for users' own base URLs ({@link GuardedHttp}), each in a whole-answer and a streamed flavour.
 * A whole answer is held to the request timeout as a whole (OkHttp's call timeout, which spans
 * writing the request and reading all of the answer); a stream also to the longer of the
 * first-token and idle timeouts between two reads (OkHttp's read timeout covers the wait for the
 * response headers and each wait between chunks alike). None follows redirects or retries by
 * itself: {@code ResilientCalls} retries. Built on first use, sharing one connection pool each.
 * <p>
 * Whole answers have no socket read or write timeouts of their own: they were the request timeout
 * as well, so the call timeout already ends the same calls, and each one made every socket read and
 * write enter and leave okio's watchdog queue under its lock (with the call timeout, 11.7 % of a
 * proxied request's CPU samples: bench/README.md, "Framework CPU per request").
 */
final class UpstreamHttp {

	private final GuardedHttp guarded;

	private final AiProperties.Timeouts timeouts;

	private volatile @Nullable Clients clients;

	UpstreamHttp(GuardedHttp guarded, AiProperties.Timeouts timeouts) {
		this.guarded = guarded;
		this.timeouts = timeouts;
	}

	/**
	 * @param streamReads whether each read of the answer is held to the stream timeouts (a stream
	 *     nobody else watches); else only the request timeout holds the call
	 */
	OkHttpClient client(boolean usersOwnUrl, boolean streamReads) {
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
			return streamReads ? built.guardedStreamed : built.guardedWhole;
		}
		return streamReads ? built.operatorStreamed : built.operatorWhole;
	}

	private Clients build() {
		OkHttpClient operator = new OkHttpClient.Builder()
			.socketFactory(new NoDelaySocketFactory(SocketFactory.getDefault()))
			.connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
			.followRedirects(false)
			.followSslRedirects(false)
			.retryOnConnectionFailure(false)
			.connectTimeout(timeouts.connect())
			.callTimeout(timeouts.request())
			.build();
		OkHttpClient guardedBase = guarded.okHttp();
		Duration streamRead = timeouts.firstToken().compareTo(timeouts.idle()) > 0 ? timeouts.firstToken()
				: timeouts.idle();
		return new Clients(whole(operator), streamed(operator, streamRead), whole(guardedBase),
				streamed(guardedBase, streamRead));
	}

	private static OkHttpClient whole(OkHttpClient base) {
		return base.newBuilder().readTimeout(Duration.ZERO).writeTimeout(Duration.ZERO).build();
	}

	private static OkHttpClient streamed(OkHttpClient base, Duration read) {
		return base.newBuilder().readTimeout(read).writeTimeout(Duration.ZERO).build();
	}

	private record Clients(OkHttpClient operatorWhole, OkHttpClient operatorStreamed, OkHttpClient guardedWhole,
			OkHttpClient guardedStreamed) {
	}
}
