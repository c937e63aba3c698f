package dev.parley.ai.provider;

import java.net.InetAddress;
import java.net.UnknownHostException;

import dev.parley.ai.AiProperties;
import dev.parley.platform.outbound.OutboundAddressGuard;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.apache.hc.client5.http.DnsResolver;
import org.jspecify.annotations.Nullable;

/**
 * The platform's {@link OutboundAddressGuard} plugged into the HTTP clients the providers run on,
 * for calls to a user's own base URL; one per server, shared by every provider.
 * <ul>
 * <li>OkHttp (OpenAI, Anthropic, Gemini): one client of ours whose sockets check the address they
 * dial (OkHttp never asks its {@code Dns} about literals such as {@code 2130706433}) and whose
 * {@code Dns} resolves through the guard and refuses before any connection. Gemini's SDK takes this
 * client; Spring AI's OpenAI and Anthropic clients take only interceptors, so an interceptor of
 * theirs hands each request to this client instead of to their own connections.</li>
 * <li>Apache HttpClient (Ollama): a {@link DnsResolver} it asks for every host, literals included,
 * connecting to exactly what it returns.</li>
 * </ul>
 * None of them follows redirects: a user's key goes to the endpoint it was stored with, never to
 * wherever that endpoint points (a redirect's target would pass the guard as well).
 */
final class GuardedHttp {

	private final OutboundAddressGuard guard;

	private final AiProperties.Timeouts timeouts;

	private volatile @Nullable OkHttpClient okHttp;

	GuardedHttp(OutboundAddressGuard guard, AiProperties.Timeouts timeouts) {
		this.guard = guard;
		this.timeouts = timeouts;
	}

	/** The guarded OkHttp client, with the connect and request timeouts of the settings. */
	OkHttpClient okHttp() {
		OkHttpClient client = okHttp;
		if (client == null) {
			synchronized (this) {
				if (okHttp == null) {
					okHttp = new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory(guard.socketFactory()))
						.dns(guard::resolve)
						.followRedirects(false)
						.followSslRedirects(false)
						.retryOnConnectionFailure(false)
						.connectTimeout(timeouts.connect())
						.readTimeout(timeouts.request())
						.writeTimeout(timeouts.request())
						.callTimeout(timeouts.request())
						.build();
				}
				client = okHttp;
			}
		}
		return client;
	}

	/** For another OkHttp client: sends each request through the guarded client instead. */
	Interceptor okHttpInterceptor() {
		return chain -> okHttp().newCall(chain.request()).execute();
	}

	DnsResolver dnsResolver() {
		return new DnsResolver() {

			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				return guard.resolve(host).toArray(InetAddress[]::new);
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				// Only used for Kerberos/SPNEGO, never here; nothing is looked up.
				return host;
			}
		};
	}
}
