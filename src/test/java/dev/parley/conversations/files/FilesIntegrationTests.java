package dev.parley.conversations.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import dev.parley.conversations.UserFiles;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Uploads over real multipart HTTP, with small limits so the limits can be reached; the bytes on
 * disk here, in a bucket in {@link S3FilesIntegrationTests}, which runs these tests again.
 */
@IntegrationTest
@TestPropertySource(properties = { "parley.conversations.files.max-size=2MB",
		"parley.conversations.files.user-quota=3MB" })
class FilesIntegrationTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D',
			'R' };

	@Autowired
	ApiClient api;

	@Autowired
	UserFiles files;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void storesAFileWithTheTypeItsBytesHaveAndServesItBack() throws Exception {
		ApiClient.Session session = api.register();
		Response uploaded = upload(session.accessToken(), "evil.html", "text/html", PNG);
		assertThat(uploaded.status()).isEqualTo(201);
		JsonNode file = uploaded.json();
		assertThat(file.get("content_type").asString()).isEqualTo("image/png");
		assertThat(file.get("size_bytes").asLong()).isEqualTo(PNG.length);
		assertThat(file.get("sha256").asString())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG)));
		String id = file.get("id").asString();

		HttpResponse<byte[]> content = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/files/" + id + "/content"))
			.header("Authorization", "Bearer " + session.accessToken()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(content.statusCode()).isEqualTo(200);
		assertThat(content.body()).isEqualTo(PNG);
		assertThat(content.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(content.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(content.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");

		JsonNode listed = api.get("/api/v1/files", session.accessToken()).json();
		assertThat(listed.get("items")).hasSize(1);
		assertThat(listed.get("used_bytes").asLong()).isEqualTo(PNG.length);
		assertThat(listed.get("quota_bytes").asLong()).isEqualTo(3 * 1024 * 1024);
	}

	@Test
	void servesHtmlAsATextDownloadThatNeverRunsHere() throws Exception {
		ApiClient.Session session = api.register();
		byte[] html = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
		JsonNode file = upload(session.accessToken(), "page.html", "text/html", html).json();
		assertThat(file.get("content_type").asString()).isEqualTo("text/plain");
		HttpResponse<String> content = http.send(HttpRequest.newBuilder(
				URI.create(base() + "/api/v1/files/" + file.get("id").asString() + "/content"))
			.header("Authorization", "Bearer " + session.accessToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(content.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(content.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
	}

	@Test
	void keepsFilesToTheirOwner() {
		ApiClient.Session owner = api.register();
		String id = upload(owner.accessToken(), "notes.md", "text/markdown", "# Mine".getBytes(StandardCharsets.UTF_8))
			.json().get("id").asString();
		ApiClient.Session other = api.register();
		assertThat(api.get("/api/v1/files/" + id, other.accessToken()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/files/" + id + "/content", other.accessToken()).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/files/" + id, other.accessToken()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/files", other.accessToken()).json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/files/" + UUID.randomUUID(), owner.accessToken()).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/files/" + id, owner.accessToken()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/files/" + id, owner.accessToken()).status()).isEqualTo(404);
	}

	@Test
	void refusesAFileOverTheSizeLimitAndUploadsPastTheQuota() {
		ApiClient.Session session = api.register();
		Response tooLarge = upload(session.accessToken(), "big.bin", "application/octet-stream", new byte[2 * 1024 * 1024 + 1]);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.contentType()).startsWith("application/problem+json");
		assertThat(upload(session.accessToken(), "a.bin", "application/octet-stream", new byte[1536 * 1024]).status())
			.isEqualTo(201);
		assertThat(upload(session.accessToken(), "b.bin", "application/octet-stream", new byte[1024 * 1024]).status())
			.isEqualTo(201);
		Response pastQuota = upload(session.accessToken(), "c.bin", "application/octet-stream", new byte[1024 * 1024]);
		assertThat(pastQuota.status()).isEqualTo(413);
		assertThat(pastQuota.json().get("detail").asString()).contains("quota");
		assertThat(api.get("/api/v1/files", session.accessToken()).json().get("items")).hasSize(2);
	}

	@Test
	void refusesAnUploadWithoutAFilePart() {
		ApiClient.Session session = api.register();
		Response refused = api.send(api.request("/api/v1/files", session.accessToken())
			.header("Content-Type", "multipart/form-data; boundary=xyz")
			.POST(HttpRequest.BodyPublishers.ofString("--xyz--\r\n")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
	}

	@Test
	void readsTheTextOfTextFilesAndPdfs() throws IOException {
		ApiClient.Session session = api.register();
		UUID userId = UUID.fromString(session.userId());
		String csv = upload(session.accessToken(), "sales.csv", "application/vnd.ms-excel",
				"month,total\njan,12\n".getBytes(StandardCharsets.UTF_8)).json().get("id").asString();
		assertThat(api.get("/api/v1/files/" + csv, session.accessToken()).json().get("content_type").asString())
			.isEqualTo("text/csv");
		assertThat(files.text(userId, UUID.fromString(csv))).isEqualTo("month,total\njan,12\n");

		String pdf = upload(session.accessToken(), "report.pdf", "application/pdf", pdf("Quarterly revenue grew 12 percent"))
			.json().get("id").asString();
		assertThat(files.text(userId, UUID.fromString(pdf))).contains("Quarterly revenue grew 12 percent");
		String image = upload(session.accessToken(), "pic.png", "image/png", PNG).json().get("id").asString();
		assertThat(files.text(userId, UUID.fromString(image))).isNull();
	}

	@Test
	void sniffsTypesFromBytes() {
		assertThat(ContentSniffer.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 }, true, "x.txt"))
			.isEqualTo("image/jpeg");
		assertThat(ContentSniffer.sniff("{\"a\":1}".getBytes(StandardCharsets.UTF_8), true, "data.json"))
			.isEqualTo("application/json");
		assertThat(ContentSniffer.sniff(new byte[] { 'a', 0, 'b' }, true, "x.txt")).isEqualTo("application/octet-stream");
		byte[] cutInACharacter = "héllo".getBytes(StandardCharsets.UTF_8);
		assertThat(ContentSniffer.sniff(java.util.Arrays.copyOf(cutInACharacter, 2), false, "x.txt")).isEqualTo("text/plain");
		assertThat(ContentSniffer.sniff(java.util.Arrays.copyOf(cutInACharacter, 2), true, "x.txt"))
			.isEqualTo("application/octet-stream");
	}

	private static byte[] pdf(String text) throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
				stream.beginText();
				stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				stream.newLineAtOffset(72, 700);
				stream.showText(text);
				stream.endText();
			}
			document.save(out);
			return out.toByteArray();
		}
	}

	Response upload(String token, String name, String declaredType, byte[] bytes) {
		String boundary = "parley-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return api.send(api.request("/api/v1/files", token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	String base() {
		return "http://localhost:" + port;
	}
}
