package dev.parley.ai.provider;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A provider reached through a Spring AI {@code ChatModel} (Anthropic, Ollama, Gemini; OpenAI and
 * compatible servers are {@link OpenAiChatProvider}'s). It streams the model's {@code ChatResponse}s as {@link ProviderChunk}s
 * (text deltas without reasoning text, a normalised finish reason, usage) and reports failures as
 * {@link ProviderError}s.
 * <p>
 * Tools: the call's tool definitions go to the provider as {@link DescribedTool}s, never run by
 * Spring AI; the tool calls of a response come back whole (Spring AI assembles streamed pieces) in
 * {@link ProviderChunk#toolCalls()}; the prompt's tool calls and results go back as Spring AI's
 * assistant and tool-response messages.
 * <p>
 * Credentials: a call that carries a {@link ProviderCredential} is made with that key (the user's
 * own), against the credential's base URL, else the server's configured one, else the provider's
 * default. A call without one uses the server's key. A provider offered for own keys only (see
 * {@code parley.ai.own-keys.providers}) has no server key: its calls without a credential fail
 * at once with {@link GenerationFailed.Reason#PROVIDER_REJECTED}, without reaching the provider.
 * <p>
 * A call to a user's own base URL passes the platform's outbound address guard on every
 * connection (see {@link GuardedHttp}); the operator's configured URLs and the providers' defaults do not.
 */
class SpringAiChatProvider implements ChatProvider {

	/** Where whole answers wait for their provider: a virtual thread each. */
	private static final Scheduler WHOLE_ANSWERS = Schedulers.fromExecutorService(
			Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("whole-answer").factory()), "whole-answers");

	private final String id;

	private final @Nullable ProviderCredential serverCredential;

	private final @Nullable String baseUrl;

	private final ChatModelFactory factory;

	private final CachedChatModels models;

	/**
	 * @param serverCredential the server's key and base URL, or {@code null} for an own-key-only
	 *     provider; keyless providers (Ollama) pass a credential without key
	 * @param baseUrl the configured base URL, or {@code null} for the provider's default
	 */
	SpringAiChatProvider(String id, @Nullable ProviderCredential serverCredential, @Nullable String baseUrl,
			ChatModelFactory factory,
			AiProperties.OwnKeys ownKeys) {
		this.id = id;
		this.serverCredential = serverCredential;
		this.baseUrl = baseUrl;
		this.factory = factory;
		this.models = new CachedChatModels(factory, ownKeys.cacheSize(), ownKeys.cacheIdle());
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public Flux<ProviderChunk> stream(ProviderCall call) {
		ProviderCredential credential = credentialFor(call);
		if (credential == null) {
			return Flux.error(new GenerationFailed(GenerationFailed.Reason.PROVIDER_REJECTED, "The server has no API key for '"
					+ id + "': add your own key for this provider to use its models."));
		}
		return Flux.defer(() -> {
			ChatModel model = models.forCredential(credential, usersOwnUrl(call));
			Prompt prompt = new Prompt(messages(call.messages(), factory), factory.options(call));
			return call.streamed() ? model.stream(prompt) : Mono.fromCallable(() -> model.call(prompt)).flux();
		})
			.map(SpringAiChatProvider::chunk)
			.filter(chunk -> !chunk.isEmpty())
			.onErrorMap(error -> !(error instanceof GenerationFailed), error -> ProviderErrors.translate(id, error))
			// A whole answer blocks its thread until the provider has answered: a virtual one, so that
			// slow answers are not capped by the bounded elastic pool's threads (ten a core).
			.subscribeOn(call.streamed() ? Schedulers.boundedElastic() : WHOLE_ANSWERS);
	}

	/** How many clients are currently kept for this provider, the server's included. */
	long cachedClients() {
		return models.size();
	}

	private @Nullable ProviderCredential credentialFor(ProviderCall call) {
		ProviderCredential own = call.credential();
		if (own == null) {
			return serverCredential;
		}
		String url = own.baseUrl() != null && !own.baseUrl().isBlank() ? own.baseUrl() : baseUrl;
		return new ProviderCredential(own.apiKey(), url);
	}

	private static boolean usersOwnUrl(ProviderCall call) {
		return call.credential() != null && call.credential().baseUrl() != null && !call.credential().baseUrl().isBlank();
	}

	/**
	 * The prompt in Spring AI's messages. An assistant turn keeps its text and its tool calls; the
	 * tool results that follow it, one {@link ToolResponseMessage} for each run of them, are named
	 * after the call they answer (Gemini and Ollama match results by name, not by id).
	 */
	static List<Message> messages(List<PromptMessage> prompt, ChatModelFactory wire) {
		Map<String, String> toolNames = new HashMap<>();
		List<Message> messages = new ArrayList<>();
		List<ToolResponseMessage.ToolResponse> results = new ArrayList<>();
		for (PromptMessage message : prompt) {
			if (message.role() != PromptMessage.Role.TOOL && !results.isEmpty()) {
				messages.add(ToolResponseMessage.builder().responses(List.copyOf(results)).build());
				results.clear();
			}
			switch (message.role()) {
				case SYSTEM -> messages.add(new SystemMessage(message.content()));
				case USER -> messages.add(UserMessage.builder()
					.text(message.content())
					.media(message.images()
						.stream()
						.map(image -> new Media(MimeType.valueOf(image.mediaType()), new ByteArrayResource(image.data())))
						.toList())
					.build());
				case ASSISTANT -> {
					message.toolCalls().forEach(call -> toolNames.put(call.id(), call.name()));
					messages.add(AssistantMessage.builder()
						.content(message.content())
						.toolCalls(message.toolCalls()
							.stream()
							.map(call -> new AssistantMessage.ToolCall(call.id(), "function", call.name(),
									ToolCalls.objectOrEmpty(call.arguments())))
							.toList())
						.build());
				}
				case TOOL -> {
					String id = message.toolCallId() == null ? "" : message.toolCallId();
					String result = wire.resultsAsJson() && ToolCalls.parse(message.content()) == null
							? ToolCalls.write(message.content()) : message.content();
					results.add(new ToolResponseMessage.ToolResponse(id, toolNames.getOrDefault(id, ""), result));
				}
			}
		}
		if (!results.isEmpty()) {
			messages.add(ToolResponseMessage.builder().responses(List.copyOf(results)).build());
		}
		return messages;
	}

	/**
	 * One response as a chunk: its text (reasoning left out), the tool calls it completes (see
	 * {@link ToolCalls} for malformed ones), the finish reason ({@code tool_calls} whenever it
	 * carries calls, which Gemini and Ollama report as {@code stop}) and the usage.
	 */
	static ProviderChunk chunk(ChatResponse response) {
		String text = "";
		String finishReason = null;
		List<ToolCall> toolCalls = new ArrayList<>();
		for (Generation generation : response.getResults()) {
			for (AssistantMessage.ToolCall call : generation.getOutput().getToolCalls()) {
				toolCalls.add(ToolCalls.of(call.id(), call.name(), call.arguments()));
			}
		}
		if (!response.getResults().isEmpty()) {
			Generation generation = response.getResults().getFirst();
			AssistantMessage output = generation.getOutput();
			boolean reasoning = Boolean.TRUE.equals(output.getMetadata().get("thinking"));
			if (!reasoning && output.getText() != null) {
				text = output.getText();
			}
			finishReason = FinishReasons.normalise(generation.getMetadata().getFinishReason());
		}
		if (!toolCalls.isEmpty() && "stop".equals(finishReason)) {
			finishReason = "tool_calls";
		}
		Usage usage = response.getMetadata() == null ? null : response.getMetadata().getUsage();
		return new ProviderChunk(text, finishReason, usage(usage), toolCalls);
	}

	private static @Nullable TokenUsage usage(@Nullable Usage usage) {
		if (usage == null) {
			return null;
		}
		int prompt = usage.getPromptTokens() == null ? 0 : usage.getPromptTokens();
		int completion = usage.getCompletionTokens() == null ? 0 : usage.getCompletionTokens();
		return prompt == 0 && completion == 0 ? null : new TokenUsage(prompt, completion);
	}
}
