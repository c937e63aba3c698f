package dev.parley.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import dev.parley.ai.fake.AiSettings;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.ai.fake.Reply;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/**
 * How the OpenAI adapter reads what a chat-completions server streams, beyond the well-formed
 * answers of {@link OpenAiProviderTests}: streams that end unfinished or report an error, refusals,
 * reasoning, servers that send tool calls without index, answers that are not chat completions, and
 * a cancelled stream's connection.
 */
class OpenAiStreamReadingTests {

	static final FakeProvider fake = FakeProvider.start(OpenAiWire.answering("unused"));

	private final ChatProvider openai = provider(fake.baseUrl());

	@BeforeEach
	void reset() {
		fake.reset();
	}

	@AfterAll
	static void stop() {
		fake.close();
	}

	@Test
	void aStreamThatEndsWithoutFinishReasonOrDoneFails() {
		fake.enqueue(events(delta("{\"content\":\"Half\"}", null)));

		assertThatThrownBy(() -> openai.stream(call(true)).collectList().block())
			.isInstanceOfSatisfying(ProviderError.class, error -> {
				assertThat(error.status()).isZero();
				assertThat(error.getMessage()).contains("before it finished");
			});
	}

	@Test
	void aStreamWithAFinishReasonButNoDoneIsComplete() {
		fake.enqueue(events(delta("{\"content\":\"Whole\"}", null), delta("{}", "\"length\"")));

		List<ProviderChunk> chunks = openai.stream(call(true)).collectList().block();

		assertThat(chunks).extracting(ProviderChunk::text).contains("Whole");
		assertThat(chunks.getLast().finishReason()).isEqualTo("length");
	}

	@Test
	void anErrorEventFailsTheStreamWithTheServersCleanedWords() {
		fake.enqueue(events(delta("{\"content\":\"Hi\"}", null),
				"data: {\"error\":{\"message\":\"Overloaded, key sk-live-abcdefgh1234 throttled\",\"type\":\"server_error\"}}\n\n"));

		assertThatThrownBy(() -> openai.stream(call(true)).collectList().block())
			.isInstanceOfSatisfying(ProviderRefusal.class, error -> {
				assertThat(error.upstreamMessage()).startsWith("Overloaded").doesNotContain("sk-live");
				assertThat(error.retryable()).isTrue();
			});
	}

	@Test
	void aRefusalIsTheAnswerAndReasoningIsLeftOut() {
		fake.enqueue(events(delta("{\"reasoning_content\":\"Thinking it over\"}", null),
				delta("{\"refusal\":\"I can't help with that.\"}", null), delta("{}", "\"stop\"")));

		List<ProviderChunk> chunks = openai.stream(call(true)).collectList().block();

		assertThat(String.join("", chunks.stream().map(ProviderChunk::text).toList())).isEqualTo("I can't help with that.");
	}

	@Test
	void toolCallsWithoutIndexAreOneCallPerId() {
		fake.enqueue(events(
				delta("{\"tool_calls\":[{\"id\":\"a\",\"function\":{\"name\":\"lookup\",\"arguments\":\"{\\\"q\\\":1}\"}}]}",
						null),
				delta("{\"tool_calls\":[{\"id\":\"b\",\"function\":{\"name\":\"clock\",\"arguments\":\"{}\"}}]}", null),
				delta("{}", "\"stop\"")));

		List<ProviderChunk> chunks = openai.stream(call(true)).collectList().block();

		assertThat(OpenAiToolCallTests.toolCalls(chunks)).containsExactly(new ToolCall("a", "lookup", "{\"q\":1}"),
				new ToolCall("b", "clock", "{}"));
		assertThat(chunks.getLast().finishReason()).isEqualTo("tool_calls");
	}

	@Test
	void aWholeAnswerThatIsNotAChatCompletionFails() {
		fake.enqueue(Reply.json(200, "<html>gateway</html>"));

		assertThatThrownBy(() -> openai.stream(call(false)).blockLast()).isInstanceOfSatisfying(ProviderError.class,
				error -> assertThat(error.status()).isZero());
	}

	@Test
	void aWholeAnswerKeepsItsUsageAndFinishReason() {
		fake.enqueue(OpenAiWire.json("Done", 4));

		assertThat(openai.stream(call(false)).collectList().block())
			.containsExactly(new ProviderChunk("Done", "stop", new TokenUsage(OpenAiWire.PROMPT_TOKENS, 4)));
	}

	@Test
	void cancellingAStreamClosesItsConnection() throws Exception {
		try (HangingServer server = new HangingServer()) {
			ChatProvider hanging = provider(server.baseUrl());
			CountDownLatch first = new CountDownLatch(1);
			Disposable subscription = hanging.stream(call(true)).subscribe(chunk -> first.countDown());
			assertThat(first.await(10, TimeUnit.SECONDS)).as("the first chunk arrived").isTrue();

			subscription.dispose();

			assertThat(server.closed.await(10, TimeUnit.SECONDS)).as("the connection was closed").isTrue();
		}
	}

	private static ChatProvider provider(String baseUrl) {
		return ConfiguredProviders
			.create(AiSettings.of("openai.api-key", "sk-test", "openai.base-url", baseUrl + "/v1").bind(),
					OutboundAddressGuard.standard())
			.getFirst();
	}

	private static ProviderCall call(boolean streamed) {
		return new ProviderCall("gpt-4o-mini", List.of(PromptMessage.user("Hi")), null, 50, null, streamed);
	}

	private static Reply events(String... events) {
		return Reply.stream("text/event-stream", List.of(events));
	}

	private static String delta(String delta, String finishReason) {
		return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":" + delta
				+ ",\"finish_reason\":" + finishReason + "}]}\n\n";
	}

	/**
	 * Answers one request with the start of a stream and then says nothing, until the client
	 * closes the connection, which it records.
	 */
	private static final class HangingServer implements AutoCloseable {

		final CountDownLatch closed = new CountDownLatch(1);

		private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());

		private final Thread thread = Thread.ofVirtual().start(this::serve);

		HangingServer() throws IOException {
		}

		String baseUrl() {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}

		private void serve() {
			try (Socket client = socket.accept()) {
				InputStream in = client.getInputStream();
				byte[] request = new byte[64 * 1024];
				in.read(request);
				String head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
				String event = delta("{\"content\":\"Hello\"}", null);
				String chunk = Integer.toHexString(event.length()) + "\r\n" + event + "\r\n";
				OutputStream out = client.getOutputStream();
				out.write((head + chunk).getBytes(StandardCharsets.US_ASCII));
				out.flush();
				while (in.read(request) >= 0) {
					// Whatever the client sends now is not read; only its end counts.
				}
				closed.countDown();
			}
			catch (IOException ex) {
				closed.countDown();
			}
		}

		@Override
		public void close() throws IOException {
			socket.close();
			thread.interrupt();
		}
	}

}
