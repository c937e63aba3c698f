package dev.parley.ai.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.provider.ChatProvider;
import dev.parley.ai.provider.ProviderCall;
import dev.parley.ai.provider.ProviderChunk;
import dev.parley.ai.provider.ProviderError;
import dev.parley.ai.provider.ProviderTimeout;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Calls a provider the way a generation should: behind the provider's circuit breaker (named after
 * the provider, configured under {@code resilience4j.circuitbreaker}), with a first-token and an
 * idle timeout, and with retries on failures worth retrying ({@link ProviderError#retryable()}:
 * 408, 429, 5xx, no answer) — exponential backoff with jitter, never sooner than the provider's
 * {@code Retry-After}, and never once text or a tool call has gone downstream. Timeouts are not retried: the
 * caller has already waited long. Whatever ends the stream in failure is a {@link GenerationFailed}.
 */
@Component
public class ResilientCalls {

	private static final Logger log = LoggerFactory.getLogger(ResilientCalls.class);

	private final CircuitBreakerRegistry breakers;

	private final AiProperties.Timeouts timeouts;

	private final Backoff backoff;

	public ResilientCalls(CircuitBreakerRegistry breakers, AiProperties properties) {
		this.breakers = breakers;
		this.timeouts = properties.timeouts();
		this.backoff = new Backoff(properties.retry());
	}

	/** The provider's answer to one call, made resilient; {@code model} only names it in logs. */
	public Flux<ProviderChunk> stream(ChatProvider provider, String model, ProviderCall call) {
		CircuitBreaker breaker = breakers.circuitBreaker(provider.id());
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
				GenerationFailed failure = Failures.of(provider.id(), error, spoke.get());
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
		return provider.stream(call)
			.timeout(Mono.delay(first), chunk -> Mono.delay(timeouts.idle()))
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

	/** Failures of the provider count against it; refusals of a request or key do not. */
	private static void record(CircuitBreaker breaker, Throwable error, long nanos) {
		if (error instanceof ProviderError providerError) {
			if (providerError.retryable()) {
				breaker.onError(nanos, TimeUnit.NANOSECONDS, error);
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
