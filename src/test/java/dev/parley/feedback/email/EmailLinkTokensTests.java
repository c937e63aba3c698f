package dev.parley.feedback.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EmailLinkTokensTests {

	private final EmailLinkTokens tokens = new EmailLinkTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

	private final Instant deadline = Instant.parse("2026-12-03T12:00:00Z");

	private final EmailLinkTokens.Claims claims = new EmailLinkTokens.Claims(UUID.randomUUID(), UUID.randomUUID(),
			UUID.randomUUID(), deadline);

	@Test
	void readsBackWhatItSignedUntilTheDeadline() {
		String token = tokens.sign(claims);
		assertThat(tokens.read(token, deadline.minusSeconds(1))).isEqualTo(new EmailLinkTokens.Valid(claims));
		assertThat(tokens.read(token, deadline)).isEqualTo(new EmailLinkTokens.Expired(claims));
	}

	@Test
	void refusesAlteredTokensAndOtherKeys() {
		String token = tokens.sign(claims);
		Instant now = deadline.minusSeconds(60);
		String otherRecipient = tokens.sign(new EmailLinkTokens.Claims(claims.nonce(), claims.requestId(),
				UUID.randomUUID(), deadline));
		String swapped = otherRecipient.substring(0, otherRecipient.indexOf('.')) + token.substring(token.indexOf('.'));
		assertThat(tokens.read(swapped, now)).isInstanceOf(EmailLinkTokens.Tampered.class);
		EmailLinkTokens other = new EmailLinkTokens("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8));
		assertThat(other.read(token, now)).isInstanceOf(EmailLinkTokens.Tampered.class);
		assertThat(tokens.read("no-dot", now)).isInstanceOf(EmailLinkTokens.Tampered.class);
		assertThat(tokens.read(token + "x", now)).isInstanceOf(EmailLinkTokens.Tampered.class);
	}
}
