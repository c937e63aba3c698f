package dev.parley.conversations.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Files in an S3-compatible bucket: a {@link FakeS3} over real HTTP that checks every request's
 * Signature V4. Every test of {@link FilesIntegrationTests} runs again here, against the bucket.
 */
@ExtendWith(OutputCaptureExtension.class)
class S3FilesIntegrationTests extends FilesIntegrationTests {

	private static final String PREFIX = "tenant-a/uploads/";

	private static final FakeS3 bucket = new FakeS3();

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void bucket(DynamicPropertyRegistry registry) {
		registry.add("parley.conversations.files.s3.bucket", () -> FakeS3.BUCKET);
		registry.add("parley.conversations.files.s3.endpoint", bucket::endpoint);
		registry.add("parley.conversations.files.s3.region", () -> FakeS3.REGION);
		registry.add("parley.conversations.files.s3.path-style", () -> "true");
		registry.add("parley.conversations.files.s3.prefix", () -> "tenant-a/uploads");
		registry.add("parley.conversations.files.s3.access-key-id", () -> FakeS3.ACCESS_KEY_ID);
		registry.add("parley.conversations.files.s3.secret-access-key", () -> FakeS3.SECRET_ACCESS_KEY);
		registry.add("parley.conversations.files.s3.connect-timeout", () -> "1s");
	}

	@AfterAll
	static void stopBucket() {
		bucket.stop();
	}

	@Test
	void keepsTheBytesInTheBucketUnderThePrefixSignedWithTheKey() throws Exception {
		ApiClient.Session session = api.register();
		byte[] large = new byte[700 * 1024];
		new java.util.Random(7).nextBytes(large);
		String id = upload(session.accessToken(), "noise.bin", "image/png", large).json().get("id").asString();
		String key = PREFIX + session.userId() + "/" + id;
		assertThat(bucket.objects().get(key)).isEqualTo(large);

		HttpResponse<byte[]> content = content(session.accessToken(), id);
		assertThat(content.statusCode()).isEqualTo(200);
		assertThat(content.body()).isEqualTo(large);
		assertThat(content.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
		// A stream closed early aborts its response; the store serves on.
		try (java.io.InputStream partly = files.open(UUID.fromString(session.userId()), UUID.fromString(id))) {
			assertThat(partly.readNBytes(16)).isEqualTo(java.util.Arrays.copyOf(large, 16));
		}
		assertThat(content(session.accessToken(), id).body()).isEqualTo(large);

		assertThat(api.delete("/api/v1/files/" + id, session.accessToken()).status()).isEqualTo(204);
		assertThat(bucket.objects()).doesNotContainKey(key);
		assertThat(bucket.refusals()).isEmpty();
		// Over plain HTTP the SDK signs each chunk of the stream; the fake has checked every signature.
		assertThat(bucket.payloadSignings()).containsExactly("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
	}

	@Test
	void theFakeBucketRefusesRequestsNotSignedWithItsKey() {
		try (S3Client wrongSecret = S3Client.builder()
			.endpointOverride(URI.create(bucket.endpoint()))
			.region(Region.of(FakeS3.REGION))
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(FakeS3.ACCESS_KEY_ID, "not-the-secret")))
			.build()) {
			S3FileStorage storage = new S3FileStorage(wrongSecret, FakeS3.BUCKET, "forged/");
			assertThatThrownBy(() -> storage.write("k", new ByteArrayInputStream(PNG), PNG.length))
				.isInstanceOf(IOException.class)
				.hasMessageContaining("403");
			assertThatThrownBy(() -> storage.read("k")).isInstanceOf(IOException.class)
				.isNotInstanceOf(java.nio.file.NoSuchFileException.class);
		}
		assertThat(bucket.refusals()).isNotEmpty().allMatch(refusal -> refusal.contains("signature does not match"));
		assertThat(bucket.objects().keySet()).noneMatch(key -> key.startsWith("forged/"));
		bucket.clearRefusals();
	}

	@Test
	void refusesUploadsWithA503AndKeepsNoRowWhileTheBucketIsAway() {
		ApiClient.Session session = api.register();
		bucket.stop();
		Response refused;
		try {
			refused = upload(session.accessToken(), "notes.md", "text/markdown", "# Away".getBytes(StandardCharsets.UTF_8));
			assertThat(api.get("/health/files", null).status()).isEqualTo(503);
		}
		finally {
			bucket.start();
		}
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("type").asString()).endsWith("/unavailable");
		assertThat(refused.header("Retry-After")).isNotNull();
		assertThat(refused.body()).doesNotContain("Exception").doesNotContain("127.0.0.1");
		assertThat(rows(session.userId())).isZero();
		assertThat(api.get("/health/files", null).status()).isEqualTo(200);
		assertThat(upload(session.accessToken(), "notes.md", "text/markdown", "# Back".getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(201);
		assertThat(rows(session.userId())).isOne();
	}

	@Test
	void deletesTheObjectAgainWhenTheRowIsRefused() {
		ApiClient.Session session = api.register();
		assertThat(upload(session.accessToken(), "a.bin", "application/octet-stream", new byte[2 * 1024 * 1024])
			.status()).isEqualTo(201);
		Response pastQuota = upload(session.accessToken(), "b.bin", "application/octet-stream", new byte[1536 * 1024]);
		assertThat(pastQuota.status()).isEqualTo(413);
		assertThat(rows(session.userId())).isOne();
		assertThat(objectsOf(session.userId())).isOne();
	}

	@Test
	void answersAProblemForAFileWhoseObjectIsGone() {
		ApiClient.Session session = api.register();
		String id = upload(session.accessToken(), "notes.txt", "text/plain", "kept".getBytes(StandardCharsets.UTF_8))
			.json().get("id").asString();
		bucket.remove(PREFIX + session.userId() + "/" + id);
		Response gone = api.get("/api/v1/files/" + id + "/content", session.accessToken());
		assertThat(gone.status()).isEqualTo(410);
		assertThat(gone.contentType()).startsWith("application/problem+json");
	}

	@Test
	void exportsTheBytesFromTheBucketAndErasureDeletesTheObjects() throws Exception {
		ApiClient.Session session = api.register();
		String token = session.accessToken();
		String png = upload(token, "pic.png", "image/png", PNG).json().get("id").asString();
		upload(token, "notes.txt", "text/plain", "remember the milk".getBytes(StandardCharsets.UTF_8));
		assertThat(objectsOf(session.userId())).isEqualTo(2);

		String exportId = api.post("/api/v1/users/me/export", token, Map.of()).json().get("id").asString();
		HttpResponse<byte[]> zip = await().atMost(Duration.ofSeconds(30))
			.until(() -> get(token, "/api/v1/users/me/exports/" + exportId), response -> response.statusCode() == 200);
		assertThat(unzip(zip.body()).get("files/" + png + "/pic.png")).isEqualTo(PNG);

		Response erased = api.send(api.request("/api/v1/users/me", token)
			.header("Content-Type", "application/json")
			.method("DELETE", HttpRequest.BodyPublishers.ofString("{\"password\": \"" + ApiClient.Session.PASSWORD + "\"}")));
		assertThat(erased.status()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(10)).until(() -> objectsOf(session.userId()) == 0);
		assertThat(bucket.refusals()).isEmpty();
	}

	@Test
	void neverWritesTheSecretToTheLog(CapturedOutput output) {
		api.register();
		assertThat(output.getAll()).contains("Files are kept in bucket " + FakeS3.BUCKET)
			.doesNotContain(FakeS3.SECRET_ACCESS_KEY);
	}

	private long rows(String userId) {
		return jdbc.sql("select count(*) from files where user_id = :id")
			.param("id", UUID.fromString(userId))
			.query(Long.class)
			.single();
	}

	private long objectsOf(String userId) {
		return bucket.objects().keySet().stream().filter(key -> key.startsWith(PREFIX + userId + "/")).count();
	}

	private HttpResponse<byte[]> content(String token, String id) throws IOException, InterruptedException {
		return get(token, "/api/v1/files/" + id + "/content");
	}

	private HttpResponse<byte[]> get(String token, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token)
			.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}
}
