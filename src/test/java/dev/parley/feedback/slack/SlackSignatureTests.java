package dev.parley.feedback.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Slack's v0 signature, checked against the example of Slack's "Verifying requests from Slack". */
class SlackSignatureTests {

	private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

	private static final String TIMESTAMP = "1531420618";

	private static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
			+ "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
			+ "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
			+ "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").getBytes(StandardCharsets.UTF_8);

	private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

	private static final Instant SENT = Instant.ofEpochSecond(1531420618);

	private final SlackSignature signature = new SlackSignature(SECRET);

	@Test
	void acceptsSlacksOwnExample() {
		assertThat(signature.verifies(TIMESTAMP, SIGNATURE, BODY, SENT.plusSeconds(10))).isTrue();
	}

	@Test
	void refusesOutsideTheFiveMinuteWindowEitherWay() {
		assertThat(signature.verifies(TIMESTAMP, SIGNATURE, BODY, SENT.plusSeconds(300))).isTrue();
		assertThat(signature.verifies(TIMESTAMP, SIGNATURE, BODY, SENT.plusSeconds(301))).isFalse();
		assertThat(signature.verifies(TIMESTAMP, SIGNATURE, BODY, SENT.minusSeconds(301))).isFalse();
	}

	@Test
	void refusesAnAlteredBodyTimestampOrSignature() {
		byte[] altered = BODY.clone();
		altered[altered.length - 1] = 'd';
		assertThat(signature.verifies(TIMESTAMP, SIGNATURE, altered, SENT)).isFalse();
		assertThat(signature.verifies("1531420619", SIGNATURE, BODY, SENT)).isFalse();
		assertThat(signature.verifies(TIMESTAMP, SIGNATURE.replace("v0=a", "v0=b"), BODY, SENT)).isFalse();
		assertThat(signature.verifies(TIMESTAMP, SIGNATURE.substring(3), BODY, SENT)).isFalse();
		assertThat(signature.verifies(null, SIGNATURE, BODY, SENT)).isFalse();
		assertThat(signature.verifies("yesterday", SIGNATURE, BODY, SENT)).isFalse();
	}

	@Test
	void refusesEverythingWithoutASigningSecret() {
		assertThat(new SlackSignature("").verifies(TIMESTAMP, SIGNATURE, BODY, SENT)).isFalse();
	}
}
