package dev.parley.catalog.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.parley.catalog.newsletter.NewsletterTokens.Claims;
import dev.parley.catalog.newsletter.NewsletterTokens.Purpose;
import org.junit.jupiter.api.Test;

class NewsletterTokensTests {

	private final NewsletterTokens tokens = new NewsletterTokens(
			"a newsletter secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8));

	private final Instant now = Instant.parse("2026-12-01T12:00:00Z");

	@Test
	void verifiesItsOwnTokenForItsPurposeUntilItExpires() {
		Claims claims = new Claims(UUID.randomUUID(), Purpose.CONFIRM, now.plus(Duration.ofHours(48)));
		String token = tokens.sign(claims);
		assertThat(tokens.verify(token, Purpose.CONFIRM, now)).contains(claims);
		assertThat(tokens.verify(token, Purpose.UNSUBSCRIBE, now)).isEmpty();
		assertThat(tokens.verify(token, Purpose.CONFIRM, now.plus(Duration.ofHours(48)))).isEmpty();
	}

	@Test
	void refusesTokensSignedWithAnotherKeyOrAltered() {
		Claims claims = new Claims(UUID.randomUUID(), Purpose.UNSUBSCRIBE, now.plus(Duration.ofDays(1)));
		String other = new NewsletterTokens("another secret that is also 32 bytes long".getBytes(StandardCharsets.UTF_8))
			.sign(claims);
		assertThat(tokens.verify(other, Purpose.UNSUBSCRIBE, now)).isEmpty();
		String token = tokens.sign(claims);
		String longer = tokens.sign(new Claims(claims.id(), Purpose.UNSUBSCRIBE, now.plus(Duration.ofDays(999))));
		String spliced = longer.substring(0, longer.indexOf('.')) + token.substring(token.indexOf('.'));
		assertThat(tokens.verify(spliced, Purpose.UNSUBSCRIBE, now)).isEmpty();
		assertThat(tokens.verify("garbage", Purpose.UNSUBSCRIBE, now)).isEmpty();
		assertThat(tokens.verify("a.b", Purpose.UNSUBSCRIBE, now)).isEmpty();
	}
}
