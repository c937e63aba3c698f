package dev.parley.ai.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import dev.parley.ai.PromptImage;
import dev.parley.ai.fake.AiSettings;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.Reply;
import dev.parley.platform.InvalidFields;
import dev.parley.platform.outbound.HostResolver;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Images given by URL, fetched over real HTTP through the address guard with a size cap. */
class RemoteImagesTests {

	static final byte[] PNG = Base64.getDecoder()
		.decode(TranslatedChatCompletionsIntegrationTests.PNG);

	static final FakeProvider site = FakeProvider.start(request -> switch (request.uri()) {
		case "/cat.png" -> Reply.binary("image/png", List.of(PNG));
		case "/big.png" -> Reply.binary("image/png", List.of(new byte[200]));
		case "/page.html" -> Reply.binary("text/html", List.of("<html></html>".getBytes()));
		default -> Reply.json(404, "{}");
	});

	/** A guard that lets this test reach its own loopback site, and nothing else private. */
	final RemoteImages allowed = new RemoteImages(OutboundAddressGuard.of(false, List.of("127.0.0.1"), HostResolver.SYSTEM),
			AiSettings.of("images.max-bytes", "100B").bind());

	final RemoteImages standard = new RemoteImages(OutboundAddressGuard.standard(), AiSettings.of().bind());

	@AfterAll
	static void stop() {
		site.close();
	}

	@Test
	void fetchesAnImageWithItsMediaType() {
		PromptImage image = allowed.fetch(site.baseUrl() + "/cat.png", "messages[0].content[1]");
		assertThat(image.mediaType()).isEqualTo("image/png");
		assertThat(image.data()).isEqualTo(PNG);
	}

	@Test
	void refusesImagesOverTheCapOtherMediaTypesAndFailures() {
		assertRefused(allowed, site.baseUrl() + "/big.png", "larger than 100 bytes");
		assertRefused(allowed, site.baseUrl() + "/page.html", "not a PNG");
		assertRefused(allowed, site.baseUrl() + "/missing.png", "HTTP 404");
	}

	@Test
	void neverReachesThisMachineThroughTheGuard() {
		int before = site.requestCount();
		assertRefused(standard, site.baseUrl() + "/cat.png", "address");
		assertRefused(standard, site.baseUrl().replace("127.0.0.1", "localhost") + "/cat.png", "address");
		assertThat(site.requestCount()).isEqualTo(before);
	}

	private static void assertRefused(RemoteImages images, String url, String reason) {
		assertThatThrownBy(() -> images.fetch(url, "messages[2].content[0]")).isInstanceOf(InvalidFields.class)
			.hasMessageContaining(reason)
			.satisfies(ex -> assertThat(((InvalidFields) ex).invalidFields()).containsKey("messages[2].content[0]"));
	}
}
