package dev.parley.ai.openai;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

import dev.parley.ai.fake.EmbeddingWire;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /v1/embeddings} over real HTTP against fake OpenAI, Gemini, Ollama and Bedrock embedding endpoints. */
@IntegrationTest
class EmbeddingsIntegrationTests {

	static final FakeProvider openai = FakeProvider.start(EmbeddingWire.answering());

	static final FakeProvider gemini = FakeProvider.start(EmbeddingWire.answering());

	static final FakeProvider ollama = FakeProvider.start(EmbeddingWire.answering());

	static final FakeProvider bedrock = FakeProvider.start(EmbeddingWire.answering());

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApiClient api;

	ApiClient.Session session;

	String key;

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("parley.ai.openai.api-key", () -> "sk-embed");
		registry.add("parley.ai.openai.base-url", () -> openai.baseUrl() + "/v1");
		registry.add("parley.ai.gemini.api-key", () -> "gm-embed");
		registry.add("parley.ai.gemini.base-url", gemini::baseUrl);
		registry.add("parley.ai.ollama.base-url", ollama::baseUrl);
		registry.add("parley.ai.bedrock.region", () -> "us-east-1");
		registry.add("parley.ai.bedrock.access-key-id", () -> "AKIAEXAMPLE");
		registry.add("parley.ai.bedrock.secret-access-key", () -> "secret");
		registry.add("parley.ai.bedrock.endpoint", bedrock::baseUrl);
	}

	@BeforeEach
	void setUp() {
		List.of(openai, gemini, ollama, bedrock).forEach(FakeProvider::reset);
		session = api.register();
		key = api.post("/api/v1/api-keys", session.accessToken(), map("name", "embeddings")).json().get("key").asString();
	}

	@AfterAll
	static void stop() {
		List.of(openai, gemini, ollama, bedrock).forEach(FakeProvider::close);
	}

	@Test
	void embedsWithOpenAiAndMetersTheCost() {
		Response response = api.post("/v1/embeddings", key, map("model", "openai/text-embedding-3-small",
				"input", List.of("first text here", "second"), "dimensions", 4, "user", "someone"));

		assertThat(response.status()).isEqualTo(200);
		JsonNode list = response.json();
		assertThat(list.get("object").asString()).isEqualTo("list");
		assertThat(list.get("model").asString()).isEqualTo("openai/text-embedding-3-small");
		assertThat(list.get("data")).hasSize(2);
		for (int i = 0; i < 2; i++) {
			JsonNode item = list.get("data").get(i);
			assertThat(item.get("object").asString()).isEqualTo("embedding");
			assertThat(item.get("index").asInt()).isEqualTo(i);
			assertThat(floats(item.get("embedding"))).containsExactly(EmbeddingWire.vector(i, 4));
		}
		assertThat(list.get("usage").get("prompt_tokens").asInt()).isEqualTo(4);
		assertThat(list.get("usage").get("total_tokens").asInt()).isEqualTo(4);

		FakeProvider.Received sent = openai.requests().getFirst();
		assertThat(sent.uri()).isEqualTo("/v1/embeddings");
		assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-embed");
		JsonNode wire = JSON.readTree(sent.body());
		assertThat(wire.get("model").asString()).isEqualTo("text-embedding-3-small");
		assertThat(wire.get("input")).extracting(JsonNode::asString).containsExactly("first text here", "second");
		assertThat(wire.get("dimensions").asInt()).isEqualTo(4);

		// 4 tokens at 0.02 USD per million.
		Awaitility.await().untilAsserted(() -> {
			JsonNode totals = api.get("/api/v1/analytics/usage", session.accessToken()).json().get("totals");
			assertThat(totals.get("prompt_tokens").asInt()).isEqualTo(4);
			assertThat(totals.get("completion_tokens").asInt()).isZero();
			assertThat(totals.get("cost_usd").decimalValue()).isEqualByComparingTo(new BigDecimal("0.00000008"));
		});
	}

	@Test
	void answersInBase64WhenAsked() {
		JsonNode list = api.post("/v1/embeddings", key,
				map("model", "openai/text-embedding-3-small", "input", "one", "encoding_format", "base64")).json();
		String encoded = list.get("data").get(0).get("embedding").asString();
		ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
		float[] vector = new float[bytes.remaining() / 4];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = bytes.getFloat();
		}
		assertThat(vector).containsExactly(EmbeddingWire.vector(0, 3));
	}

	@Test
	void embedsWithGemini() {
		JsonNode list = api.post("/v1/embeddings", key,
				map("model", "gemini/gemini-embedding-001", "input", List.of("a b", "c"), "dimensions", 5)).json();
		assertThat(list.get("data")).hasSize(2);
		assertThat(floats(list.get("data").get(1).get("embedding"))).containsExactly(EmbeddingWire.vector(1, 5));
		assertThat(list.get("usage").get("prompt_tokens").asInt()).isZero();
		FakeProvider.Received sent = gemini.requests().getFirst();
		assertThat(sent.uri()).contains("models/gemini-embedding-001:batchEmbedContents");
		JsonNode requests = JSON.readTree(sent.body()).get("requests");
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).get("content").get("parts").get(0).get("text").asString()).isEqualTo("a b");
		assertThat(requests.get(0).get("outputDimensionality").asInt()).isEqualTo(5);
	}

	@Test
	void embedsWithOllama() {
		JsonNode list = api.post("/v1/embeddings", key,
				map("model", "ollama/nomic-embed-text", "input", List.of("x y z", "w"))).json();
		assertThat(floats(list.get("data").get(0).get("embedding"))).containsExactly(EmbeddingWire.vector(0, 3));
		assertThat(list.get("usage").get("prompt_tokens").asInt()).isEqualTo(4);
		FakeProvider.Received sent = ollama.requests().getFirst();
		assertThat(sent.uri()).isEqualTo("/api/embed");
		JsonNode wire = JSON.readTree(sent.body());
		assertThat(wire.get("model").asString()).isEqualTo("nomic-embed-text");
		assertThat(wire.get("input")).hasSize(2);
	}

	@Test
	void embedsWithBedrockTitanOneTextPerCallAndCohereAtOnce() {
		JsonNode titan = api.post("/v1/embeddings", key, map("model", "bedrock/amazon.titan-embed-text-v2:0",
				"input", List.of("one two", "three"), "dimensions", 4)).json();
		assertThat(titan.get("data")).hasSize(2);
		assertThat(floats(titan.get("data").get(1).get("embedding"))).containsExactly(EmbeddingWire.vector(0, 4));
		assertThat(titan.get("usage").get("prompt_tokens").asInt()).isEqualTo(3);
		assertThat(bedrock.requests()).hasSize(2);
		assertThat(bedrock.requests().getFirst().uri()).startsWith("/model/amazon.titan-embed-text-v2").endsWith("/invoke");
		JsonNode first = JSON.readTree(bedrock.requests().getFirst().body());
		assertThat(first.get("inputText").asString()).isEqualTo("one two");
		assertThat(first.get("dimensions").asInt()).isEqualTo(4);
		assertThat(bedrock.requests().getFirst().header("Authorization")).startsWith("AWS4-HMAC-SHA256");

		bedrock.reset();
		JsonNode cohere = api.post("/v1/embeddings", key,
				map("model", "bedrock/cohere.embed-english-v3", "input", List.of("a", "b c"))).json();
		assertThat(cohere.get("data")).hasSize(2);
		assertThat(cohere.get("usage").get("prompt_tokens").asInt()).isEqualTo(3);
		JsonNode wire = JSON.readTree(bedrock.requests().getFirst().body());
		assertThat(wire.get("texts")).hasSize(2);
		assertThat(wire.get("input_type").asString()).isEqualTo("search_document");
	}

	@Test
	void refusesWhatAModelCannotTakeNamingTheParam() {
		JsonNode tokens = OpenAiClient.error(api.post("/v1/embeddings", key,
				map("model", "openai/text-embedding-3-small", "input", List.of(1, 2, 3))), 400);
		assertThat(tokens.get("param").asString()).isEqualTo("input");
		JsonNode cohereDimensions = OpenAiClient.error(api.post("/v1/embeddings", key,
				map("model", "bedrock/cohere.embed-english-v3", "input", "a", "dimensions", 8)), 400);
		assertThat(cohereDimensions.get("param").asString()).isEqualTo("dimensions");
		JsonNode format = OpenAiClient.error(api.post("/v1/embeddings", key,
				map("model", "openai/text-embedding-3-small", "input", "a", "encoding_format", "int8")), 400);
		assertThat(format.get("param").asString()).isEqualTo("encoding_format");
		JsonNode anthropic = OpenAiClient.error(api.post("/v1/embeddings", key,
				map("model", "anthropic/claude-haiku-4-5", "input", "a")), 404);
		assertThat(anthropic.get("code").asString()).isEqualTo("model_not_found");
		OpenAiClient.error(api.post("/v1/embeddings", null, map("model", "openai/text-embedding-3-small", "input", "a")), 401);
		assertThat(openai.requestCount()).isZero();
	}

	@Test
	void listsEmbeddingModelsAmongTheModels() {
		JsonNode models = api.get("/v1/models", key).json().get("data");
		assertThat(models).extracting(model -> model.get("id").asString())
			.contains("openai/gpt-4o-mini", "openai/text-embedding-3-small", "gemini/gemini-embedding-001",
					"ollama/nomic-embed-text", "bedrock/amazon.titan-embed-text-v2:0")
			.doesNotContain("anthropic/claude-haiku-4-5");
		JsonNode chatModels = api.get("/api/v1/ai/models", key).json().get("items");
		assertThat(chatModels).extracting(model -> model.get("id").asString())
			.doesNotContain("openai/text-embedding-3-small");
	}

	private static float[] floats(JsonNode values) {
		float[] vector = new float[values.size()];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = values.get(i).floatValue();
		}
		return vector;
	}
}
