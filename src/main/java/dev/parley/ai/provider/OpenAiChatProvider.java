package dev.parley.ai.provider;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.parley.ai.GenerationFailed;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * OpenAI and every server speaking its chat-completions API (vLLM, LM Studio, OpenRouter, Groq ...),
 * over plain HTTP ({@link OpenAiUpstream}): the call is written as a chat-completions request
 * ({@link OpenAiChatRequests}), a stream is read event by event ({@link OpenAiChatStream}), a whole
 * answer at once ({@link OpenAiChatAnswer}). Which key and base URL, the address guard on a user's
 * own base URL and the errors (a {@link ProviderRefusal} with the server's cleaned words and
 * {@code Retry-After}, a {@link ProviderError} of status 0 for no answer) are
 * {@link OpenAiUpstream}'s, as for requests passed through.
 * <p>
 * Why not Spring AI's {@code OpenAiChatModel}, as for the other providers: in a streamed chat turn,
 * the OpenAI SDK's path under it (its SSE reading, binding every chunk to Kotlin-built objects,
 * Spring AI's merging into {@code ChatResponse}s) was 42–47 % of the turn's CPU samples
 * (bench/README.md, "Streamed chat turns' CPU"); one core served about 50 such streams a second.
 * <p>
 * Each call runs on a virtual thread of its own, which blocks on the socket. Cancelling the stream
 * (the client went away, or {@code ResilientCalls} found it silent for too long) cancels the HTTP
 * call, which ends a read waiting on it; its reads have no timeout of their own, the request
 * timeout holding the call as a whole ({@link OpenAiUpstream#watchedCall}).
 */
final class OpenAiChatProvider implements ChatProvider {

	private static final ExecutorService CALLS = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("openai-call-", 0).factory());

	private final OpenAiUpstream upstream;

	OpenAiChatProvider(OpenAiUpstream upstream) {
		this.upstream = upstream;
	}

	@Override
	public String id() {
		return upstream.provider();
	}

	@Override
	public OpenAiUpstream openAiUpstream() {
		return upstream;
	}

	@Override
	public Flux<ProviderChunk> stream(ProviderCall call) {
		return Flux.create(sink -> {
			OpenAiUpstream.Call request;
			try {
				request = upstream.watchedCall(call.credential(), "/chat/completions", body(call), call.streamed());
			}
			catch (RuntimeException ex) {
				sink.error(ex);
				return;
			}
			// On cancel only: on completion the answer is already closed and its connection back in the pool.
			sink.onCancel(request::cancel);
			CALLS.execute(() -> exchange(call.streamed(), request, sink));
		});
	}

	private byte[] body(ProviderCall call) {
		try {
			return OpenAiChatRequests.body(call);
		}
		catch (IllegalArgumentException ex) {
			throw new GenerationFailed(GenerationFailed.Reason.PROVIDER_ERROR, "The request to '" + id()
					+ "' could not be written: a tool's parameters or the answer's schema are not JSON.");
		}
	}

	private void exchange(boolean streamed, OpenAiUpstream.Call request, FluxSink<ProviderChunk> sink) {
		try {
			try (OpenAiUpstream.Answer answer = request.send()) {
				if (streamed) {
					OpenAiChatStream stream = new OpenAiChatStream(id(), answer.body());
					for (ProviderChunk chunk = stream.next(); chunk != null && !sink.isCancelled(); chunk = stream.next()) {
						sink.next(chunk);
					}
				}
				else {
					ProviderChunk chunk = OpenAiChatAnswer.read(id(), readAll(answer));
					if (!chunk.isEmpty()) {
						sink.next(chunk);
					}
				}
			}
			sink.complete();
		}
		catch (RuntimeException | Error ex) {
			if (!sink.isCancelled()) {
				sink.error(ex);
			}
		}
	}

	private byte[] readAll(OpenAiUpstream.Answer answer) {
		try {
			return answer.body().readAllBytes();
		}
		catch (InterruptedIOException ex) {
			throw new ProviderTimeout(id() + " did not answer in time", ex);
		}
		catch (IOException ex) {
			throw new ProviderError(0, null, id() + " broke off its answer", ex);
		}
	}
}
