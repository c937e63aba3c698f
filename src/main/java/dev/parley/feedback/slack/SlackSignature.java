package dev.parley.feedback.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Slack's request signature, v0: {@code X-Slack-Signature} is {@code v0=} and the hex HMAC-SHA256,
 * under the app's signing secret, of {@code v0:{X-Slack-Request-Timestamp}:{raw body}}. Requests
 * more than five minutes from now are refused, so that a recorded request cannot be replayed later;
 * signatures are compared in constant time.
 */
final class SlackSignature {

	static final Duration WINDOW = Duration.ofMinutes(5);

	private final byte @Nullable [] secret;

	SlackSignature(String signingSecret) {
		this.secret = signingSecret.isBlank() ? null : signingSecret.getBytes(StandardCharsets.UTF_8);
	}

	boolean verifies(@Nullable String timestamp, @Nullable String signature, byte[] body, Instant now) {
		byte[] key = secret;
		if (key == null || timestamp == null || signature == null) {
			return false;
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.trim());
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (Math.abs(now.getEpochSecond() - seconds) > WINDOW.toSeconds()) {
			return false;
		}
		byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(key, timestamp.trim(), body)))
			.getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII));
	}

	static byte[] hmac(byte[] key, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}
}
