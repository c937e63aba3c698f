package dev.parley.ai.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.provider.ChatProvider;
import dev.parley.ai.provider.ProviderCall;
import dev.parley.ai.provider.OpenAiUpstream;
import dev.parley.ai.provider.ProviderChunk;
import dev.parley.ai.provider.ProviderCredential;
import dev.parley.ai.provider.ProviderError;
import dev.parley.ai.provider.ProviderTimeout;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Calls a provider the way a generation should: behind the circuit breaker of the endpoint and
 * model called ({@link #breakerName}, configured under {@code resilience4j.circuitbreaker}), with a
 * first-token and an idle timeout, and with retries on failures worth retrying
 * ({@link ProviderError#retryable()}: 408, 429, 5xx, no answer) — exponential backoff with jitter,
 * never sooner than the provider's {@code Retry-After}, and never once text or a tool call has gone
 * downstream. Timeouts are not retried: the caller has already waited long. Whatever ends the
 * stream in failure is a {@link GenerationFailed}. Only the provider's own failures (no answer,
 * 408, 5xx) count against its breaker: a refused request or key and a rate limit are the caller's.
 * One model failing leaves the provider's other models, and the same model behind another
 * endpoint (a user's own base URL), usable.
 */
@Component
public class ResilientCalls {

	private static final Logger log = LoggerFactory.getLogger(ResilientCalls.class);

	private final CircuitBreakerRegistry breakers;

	private final AiProperties.Timeouts timeouts;

	private final Backoff backoff;

	private final SilenceWatchdog silences;

	public ResilientCalls(CircuitBreakerRegistry breakers, AiProperties properties) {
		this.breakers = breakers;
		this.timeouts = properties.timeouts();
		this.backoff = new Backoff(properties.retry());
		this.silences = new SilenceWatchdog(shortest(timeouts.firstToken(), timeouts.idle(), timeouts.request()));
	}

	private static Duration shortest(Duration... durations) {
		Duration shortest = durations[0];
		for (Duration duration : durations) {
			shortest = duration.compareTo(shortest) < 0 ? duration : shortest;
		}
		return shortest;
	}

	/**
	 * The name of the circuit breaker of a model ({@code provider/model}) called with this
	 * credential: the model id, followed for a user's own base URL by a digest of that endpoint.
	 */
	public static String breakerName(String model, @Nullable ProviderCredential credential) {
		String endpoint = OpenAiUpstream.endpointOf(credential);
		return endpoint.isEmpty() ? model : model + " @" + endpoint;
	}

	/** The provider's answer to one call of {@code model} ({@code provider/model}), made resilient. */
	public Flux<ProviderChunk> stream(ChatProvider provider, String model, ProviderCall call) {
		CircuitBreaker breaker = breakers.circuitBreaker(breakerName(model, call.credential()));
		AtomicBoolean spoke = new AtomicBoolean();
		AtomicInteger attempts = new AtomicInteger();
		return Flux.defer(() -> attempt(provider, call, breaker, spoke, attempts))
			.retryWhen(Retry.from(signals -> signals.concatMap(signal -> {
				Duration wait = spoke.get() ? null : backoff.next(signal.failure(), attempts.get());
				if (wait == null) {
					return Mono.error(signal.failure());
				}
				log.warn("provider={} model={} attempt={} failed ({}); retrying in {} ms", provider.id(), model,
						attempts.get(), signal.failure().getMessage(), wait.toMillis());
				return Mono.delay(wait);
			})))
			.onErrorMap(error -> {
				GenerationFailed failure = Failures.of(provider.id(), error, spoke.get(), attempts.get(),
						call.credential() != null);
				if (failure.reason() != GenerationFailed.Reason.CANCELLED) {
					log.warn("provider={} model={} attempts={} failed: {}", provider.id(), model, attempts.get(),
							error.getMessage());
				}
				return failure;
			});
	}

	private Flux<ProviderChunk> attempt(ChatProvider provider, ProviderCall call, CircuitBreaker breaker,
			AtomicBoolean spoke, AtomicInteger attempts) {
		if (!breaker.tryAcquirePermission()) {
			return Flux.error(CallNotPermittedException.createCallNotPermittedException(breaker));
		}
		attempts.incrementAndGet();
		long start = System.nanoTime();
		// A whole answer arrives as one chunk: its first token is its last, so only the request timeout applies.
		Duration first = call.streamed() ? timeouts.firstToken() : timeouts.request();
		return silences.watch(provider.stream(call), first, timeouts.idle())
			.onErrorMap(TimeoutException.class,
					timeout -> new ProviderTimeout(provider.id() + " went silent for too long", timeout))
			.doOnNext(chunk -> {
				if (!chunk.text().isEmpty() || !chunk.toolCalls().isEmpty()) {
					spoke.set(true);
				}
			})
			.doOnComplete(() -> breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS))
			.doOnError(error -> record(breaker, error, System.nanoTime() - start))
			.doOnCancel(breaker::releasePermission);
	}

	/**
	 * One blocking exchange with a provider ({@code call}: send a request, return its successful
	 * answer or throw a {@link ProviderError}), made resilient as {@link #stream} makes a stream:
	 * behind the breaker of {@code model} at the credential's endpoint, retried with backoff on
	 * failures worth retrying. Nothing has been passed on while it retries: the answer is returned
	 * only once the provider accepted the call. The caller reports how the rest of the answer went
	 * on the returned {@link Exchange}.
	 * @throws GenerationFailed when the provider refused, failed or did not answer, after retries
	 */
	public <T> Exchange<T> exchange(String provider, String model, @Nullable ProviderCredential credential,
			Supplier<T> call) {
		CircuitBreaker breaker = breakers.circuitBreaker(breakerName(model, credential));
		boolean ownKey = credential != null;
		int attempts = 0;
		while (true) {
			if (!breaker.tryAcquirePermission()) {
				throw Failures.of(provider, CallNotPermittedException.createCallNotPermittedException(breaker), false,
						attempts, ownKey);
			}
			attempts++;
			long start = System.nanoTime();
			Throwable failure;
			try {
				return new Exchange<>(call.get(), breaker, start, attempts, provider, ownKey);
			}
			catch (GenerationFailed failed) {
				breaker.releasePermission();
				throw failed;
			}
			catch (RuntimeException ex) {
				failure = ex;
				record(breaker, ex, System.nanoTime() - start);
			}
			Duration wait = backoff.next(failure, attempts);
			if (wait == null) {
				log.warn("provider={} model={} attempts={} failed: {}", provider, model, attempts, failure.getMessage());
				throw Failures.of(provider, failure, false, attempts, ownKey);
			}
			log.warn("provider={} model={} attempt={} failed ({}); retrying in {} ms", provider, model, attempts,
					failure.getMessage(), wait.toMillis());
			try {
				Thread.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new GenerationFailed(GenerationFailed.Reason.CANCELLED, "The generation was cancelled.");
			}
		}
	}

	/**
	 * An exchange the provider accepted: its answer, and how the rest of it went, reported once
	 * (later reports are ignored) so that the breaker counts the call exactly once.
	 */
	public static final class Exchange<T> {

		private final T answer;

		private final CircuitBreaker breaker;

		private final long start;

		private final int attempts;

		private final String provider;

		private final boolean ownKey;

		private final AtomicBoolean reported = new AtomicBoolean();

		private Exchange(T answer, CircuitBreaker breaker, long start, int attempts, String provider, boolean ownKey) {
			this.answer = answer;
			this.breaker = breaker;
			this.start = start;
			this.attempts = attempts;
			this.provider = provider;
			this.ownKey = ownKey;
		}

		public T answer() {
			return answer;
		}

		/** The calls made, the accepted one included. */
		public int attempts() {
			return attempts;
		}

		/** The whole answer arrived. */
		public void completed() {
			if (reported.compareAndSet(false, true)) {
				breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
		}

		/** The answer broke off after it started ({@code error}: why); what that means for the generation. */
		public GenerationFailed brokeOff(Throwable error) {
			if (reported.compareAndSet(false, true)) {
				record(breaker, error, System.nanoTime() - start);
			}
			return Failures.of(provider, error, true, attempts, ownKey);
		}

		/** Nobody reads the rest of the answer (the client went away): the call counts neither way. */
		public void abandoned() {
			if (reported.compareAndSet(false, true)) {
				breaker.releasePermission();
			}
		}
	}

	/** Failures of the provider count against it; refusals of a request or key, and rate limits, do not. */
	private static void record(CircuitBreaker breaker, Throwable error, long nanos) {
		if (error instanceof ProviderError providerError) {
			int status = providerError.status();
			if (status == 0 || status == 408 || status >= 500) {
				breaker.onError(nanos, TimeUnit.NANOSECONDS, error);
			}
			else if (status == 429) {
				// The caller's (or its key's) rate limit says nothing about the provider's health.
				breaker.releasePermission();
			}
			else {
				breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
			}
		}
		else if (error instanceof GenerationFailed) {
			breaker.releasePermission();
		}
		else {
			breaker.onError(nanos, TimeUnit.NANOSECONDS, error);
		}
	}
}
