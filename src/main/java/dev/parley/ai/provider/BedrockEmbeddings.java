package dev.parley.ai.provider;

import java.util.ArrayList;
import java.util.List;

import dev.parley.ai.GenerationFailed;
import dev.parley.ai.UnsupportedEmbeddingOption;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bedrock} embeddings through the AWS SDK's {@code InvokeModel}, with the server's AWS
 * credentials only (as {@link BedrockProvider}): Amazon Titan text embeddings
 * ({@code amazon.titan-embed-*}, one text per call, {@code dimensions} on v2) and Cohere
 * ({@code cohere.embed-*}, all texts in one call, {@code input_type: search_document}, no
 * {@code dimensions}). The prompt tokens are Bedrock's {@code X-Amzn-Bedrock-Input-Token-Count}.
 */
final class BedrockEmbeddings implements EmbeddingProvider, AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TOKEN_COUNT = "X-Amzn-Bedrock-Input-Token-Count";

	private final BedrockRuntimeAsyncClient client;

	BedrockEmbeddings(BedrockRuntimeAsyncClient client) {
		this.client = client;
	}

	@Override
	public String id() {
		return BedrockProvider.ID;
	}

	@Override
	public Vectors embed(Call call) {
		if (call.credential() != null) {
			throw new GenerationFailed(GenerationFailed.Reason.PROVIDER_REJECTED,
					"Bedrock is called with the server's AWS credentials only, not with an own API key.");
		}
		if (call.model().startsWith("cohere.")) {
			return cohere(call);
		}
		if (call.model().startsWith("amazon.titan-embed")) {
			return titan(call);
		}
		throw new UnsupportedEmbeddingOption("model",
				"Bedrock embeddings support Amazon Titan (amazon.titan-embed-*) and Cohere (cohere.embed-*) models.");
	}

	private Vectors titan(Call call) {
		if (call.dimensions() != null && !call.model().contains("-v2")) {
			throw new UnsupportedEmbeddingOption("dimensions", "Only Titan text embeddings v2 take dimensions.");
		}
		List<float[]> vectors = new ArrayList<>();
		int tokens = 0;
		for (String input : call.inputs()) {
			ObjectNode body = JSON.createObjectNode().put("inputText", input);
			if (call.dimensions() != null) {
				body.put("dimensions", call.dimensions());
			}
			Answer answer = invoke(call.model(), body);
			vectors.add(vector(answer.body().path("embedding")));
			tokens += answer.tokens() > 0 ? answer.tokens() : answer.body().path("inputTextTokenCount").asInt(0);
		}
		return new Vectors(vectors, tokens);
	}

	private Vectors cohere(Call call) {
		if (call.dimensions() != null) {
			throw new UnsupportedEmbeddingOption("dimensions", "Cohere embeddings on Bedrock do not take dimensions.");
		}
		ObjectNode body = JSON.createObjectNode().put("input_type", "search_document");
		call.inputs().forEach(body.putArray("texts")::add);
		Answer answer = invoke(call.model(), body);
		List<float[]> vectors = new ArrayList<>();
		for (JsonNode embedding : answer.body().path("embeddings")) {
			vectors.add(vector(embedding));
		}
		return new Vectors(vectors, answer.tokens());
	}

	private Answer invoke(String model, ObjectNode body) {
		try {
			InvokeModelResponse response = client.invokeModel(InvokeModelRequest.builder()
				.modelId(model)
				.contentType("application/json")
				.accept("application/json")
				.body(SdkBytes.fromUtf8String(body.toString()))
				.build()).join();
			int tokens = response.sdkHttpResponse().firstMatchingHeader(TOKEN_COUNT).map(Integer::parseInt).orElse(0);
			return new Answer(JSON.readTree(response.body().asUtf8String()), tokens);
		}
		catch (RuntimeException ex) {
			throw ProviderErrors.translate(BedrockProvider.ID, ex);
		}
	}

	private static float[] vector(JsonNode values) {
		float[] vector = new float[values.size()];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = values.get(i).floatValue();
		}
		return vector;
	}

	private record Answer(JsonNode body, int tokens) {
	}

	@Override
	public void close() {
		client.close();
	}
}
