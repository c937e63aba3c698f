package dev.parley.ai.provider;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * {@code bedrock}: Amazon Bedrock's Converse API through the AWS SDK v2 async client
 * ({@code ConverseStream}), with the SDK's retries off. It calls with the server's AWS credentials
 * only: a call carrying a user's own key is refused, since an API key is not an AWS credential.
 * Tools go as the request's {@code toolConfig}; a tool use streamed in pieces is emitted whole
 * when its content block stops, and the stop reason {@code tool_use} reads {@code tool_calls}.
 */
class BedrockProvider implements ChatProvider, AutoCloseable {

	static final String ID = "bedrock";

	private final BedrockRuntimeAsyncClient client;

	BedrockProvider(BedrockRuntimeAsyncClient client) {
		this.client = client;
	}

	static BedrockProvider create(AiProperties.Bedrock settings, AiProperties.Timeouts timeouts) {
		return new BedrockProvider(client(settings, timeouts));
	}

	/** A Bedrock runtime client with the server's AWS credentials, its timeouts, and no retries. */
	static BedrockRuntimeAsyncClient client(AiProperties.Bedrock settings, AiProperties.Timeouts timeouts) {
		AwsCredentials credentials = settings.sessionToken() == null || settings.sessionToken().isBlank()
				? AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())
				: AwsSessionCredentials.create(settings.accessKeyId(), settings.secretAccessKey(), settings.sessionToken());
		var builder = BedrockRuntimeAsyncClient.builder()
			.region(Region.of(settings.region()))
			.credentialsProvider(StaticCredentialsProvider.create(credentials))
			// HTTP/1.1 carries ConverseStream's event stream as well (boto3 only speaks it), and
			// works through plain-HTTP endpoints and proxies that do not speak HTTP/2.
			.httpClientBuilder(NettyNioAsyncHttpClient.builder()
				.protocol(Protocol.HTTP1_1)
				.connectionTimeout(timeouts.connect())
				.readTimeout(timeouts.request()))
			.overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry())
				.apiCallTimeout(timeouts.request()));
		if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
			builder.endpointOverride(URI.create(settings.endpoint()));
		}
		return builder.build();
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public Flux<ProviderChunk> stream(ProviderCall call) {
		if (call.credential() != null) {
			return Flux.error(new GenerationFailed(GenerationFailed.Reason.PROVIDER_REJECTED,
					"Bedrock is called with the server's AWS credentials only, not with an own API key."));
		}
		return Flux.create(sink -> {
			CompletableFuture<Void> call0 = client.converseStream(request(call), handler(sink));
			call0.whenComplete((done, error) -> {
				if (error != null) {
					sink.error(ProviderErrors.translate(ID, error));
				}
				else {
					sink.complete();
				}
			});
			sink.onDispose(() -> call0.cancel(true));
		});
	}

	private static ConverseStreamRequest request(ProviderCall call) {
		List<SystemContentBlock> system = call.messages()
			.stream()
			.filter(message -> message.role() == PromptMessage.Role.SYSTEM)
			.map(message -> SystemContentBlock.fromText(message.content()))
			.toList();
		InferenceConfiguration.Builder inference = InferenceConfiguration.builder().maxTokens(call.maxTokens());
		if (call.temperature() != null) {
			inference.temperature(call.temperature().floatValue());
		}
		if (call.options().topP() != null) {
			inference.topP(call.options().topP().floatValue());
		}
		if (!call.options().stop().isEmpty()) {
			inference.stopSequences(call.options().stop());
		}
		ConverseStreamRequest.Builder request = ConverseStreamRequest.builder()
			.modelId(call.model())
			.system(system)
			.messages(BedrockMessages.messages(call.messages()))
			.inferenceConfig(inference.build());
		if (!call.offeredTools().isEmpty()) {
			request.toolConfig(BedrockMessages.toolConfiguration(call.offeredTools(), call.options().toolChoice()));
		}
		return request.build();
	}

	private static ConverseStreamResponseHandler handler(FluxSink<ProviderChunk> sink) {
		ToolUses toolUses = new ToolUses();
		return ConverseStreamResponseHandler.builder()
			.subscriber(ConverseStreamResponseHandler.Visitor.builder()
				.onContentBlockStart(event -> {
					if (event.start() != null && event.start().toolUse() != null) {
						toolUses.start(event.contentBlockIndex(), event.start().toolUse().toolUseId(),
								event.start().toolUse().name());
					}
				})
				.onContentBlockDelta(event -> {
					if (event.delta() == null) {
						return;
					}
					if (event.delta().text() != null) {
						sink.next(ProviderChunk.text(event.delta().text()));
					}
					else if (event.delta().toolUse() != null) {
						toolUses.append(event.contentBlockIndex(), event.delta().toolUse().input());
					}
				})
				.onContentBlockStop(event -> {
					List<ToolCall> done = toolUses.finish(event.contentBlockIndex());
					if (!done.isEmpty()) {
						sink.next(new ProviderChunk("", null, null, done));
					}
				})
				.onMessageStop(event -> sink.next(new ProviderChunk("",
						FinishReasons.normalise(event.stopReasonAsString()), null, toolUses.finishAll())))
				.onMetadata(event -> {
					if (event.usage() != null) {
						sink.next(new ProviderChunk("", null,
								new TokenUsage(event.usage().inputTokens(), event.usage().outputTokens())));
					}
				})
				.build())
			.build();
	}

	/**
	 * The tool uses of one answer as they stream: a block's start names the tool and its id, its
	 * deltas bring pieces of the input, its stop completes the call (see {@link ToolCalls} for
	 * malformed ones). Blocks left open when the message stops are completed then.
	 */
	private static final class ToolUses {

		private final Map<Integer, String[]> open = new LinkedHashMap<>();

		private final Map<Integer, StringBuilder> inputs = new LinkedHashMap<>();

		synchronized void start(Integer index, String id, String name) {
			open.put(index, new String[] { id, name });
			inputs.put(index, new StringBuilder());
		}

		synchronized void append(Integer index, @Nullable String piece) {
			StringBuilder input = inputs.get(index);
			if (input != null && piece != null) {
				input.append(piece);
			}
		}

		synchronized List<ToolCall> finish(Integer index) {
			String[] call = open.remove(index);
			StringBuilder input = inputs.remove(index);
			return call == null ? List.of() : List.of(ToolCalls.of(call[0], call[1], input.toString()));
		}

		synchronized List<ToolCall> finishAll() {
			List<ToolCall> calls = new ArrayList<>();
			for (Integer index : List.copyOf(open.keySet())) {
				calls.addAll(finish(index));
			}
			return calls;
		}
	}

	@Override
	public void close() {
		client.close();
	}
}
