package dev.parley.conversations.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;

/**
 * Checks AWS Signature Version 4 as S3 does, from the documented algorithm: the {@code Authorization}
 * header's signature over the canonical request, the payload's hash when it is sent, and for
 * {@code aws-chunked} uploads each chunk's signature, chained from the header's. Only the fake's one
 * key is known.
 */
final class SigV4 {

	private static final Pattern AUTHORIZATION = Pattern.compile(
			"AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/s3/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");

	private static final String EMPTY_SHA256 = sha256Hex(new byte[0]);

	private final String accessKeyId;

	private final String secretAccessKey;

	private final String region;

	SigV4(String accessKeyId, String secretAccessKey, String region) {
		this.accessKeyId = accessKeyId;
		this.secretAccessKey = secretAccessKey;
		this.region = region;
	}

	/** What the request is: its payload once checked, or why it is refused. */
	record Checked(@Nullable String refusal, byte[] payload) {

		static Checked refused(String why) {
			return new Checked(why, new byte[0]);
		}
	}

	Checked check(HttpExchange exchange, byte[] body) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null) {
			return Checked.refused("not signed");
		}
		Matcher signed = AUTHORIZATION.matcher(authorization);
		if (!signed.matches()) {
			return Checked.refused("not an AWS4-HMAC-SHA256 authorization: " + authorization);
		}
		if (!signed.group(1).equals(accessKeyId)) {
			return Checked.refused("unknown access key " + signed.group(1));
		}
		if (!signed.group(3).equals(region)) {
			return Checked.refused("signed for region " + signed.group(3));
		}
		String payloadHash = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
		String amzDate = exchange.getRequestHeaders().getFirst("x-amz-date");
		if (payloadHash == null || amzDate == null || !amzDate.startsWith(signed.group(2))) {
			return Checked.refused("x-amz-content-sha256 or x-amz-date missing or not the credential's date");
		}
		String scope = signed.group(2) + "/" + region + "/s3/aws4_request";
		byte[] key = signingKey(signed.group(2));
		String expected = hmacHex(key, "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
				+ sha256Hex(canonicalRequest(exchange, signed.group(4), payloadHash).getBytes(StandardCharsets.UTF_8)));
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				signed.group(5).getBytes(StandardCharsets.US_ASCII))) {
			return Checked.refused("signature does not match");
		}
		if (payloadHash.startsWith("STREAMING-")) {
			return dechunk(exchange, body, payloadHash, key, amzDate + "\n" + scope, signed.group(5));
		}
		if (!payloadHash.equals("UNSIGNED-PAYLOAD") && !payloadHash.equals(sha256Hex(body))) {
			return Checked.refused("the payload's hash is not x-amz-content-sha256");
		}
		return new Checked(null, body);
	}

	private static String canonicalRequest(HttpExchange exchange, String signedHeaders, String payloadHash) {
		StringBuilder canonical = new StringBuilder(exchange.getRequestMethod()).append('\n')
			.append(exchange.getRequestURI().getRawPath())
			.append('\n');
		String query = exchange.getRequestURI().getRawQuery();
		if (query != null && !query.isEmpty()) {
			List<String> parameters = new ArrayList<>();
			for (String parameter : query.split("&")) {
				parameters.add(parameter.contains("=") ? parameter : parameter + "=");
			}
			parameters.sort(null);
			canonical.append(String.join("&", parameters));
		}
		canonical.append('\n');
		for (String name : signedHeaders.split(";")) {
			List<String> values = exchange.getRequestHeaders().get(name);
			String value = values == null ? "" : String.join(",", values).strip().replaceAll("\\s+", " ");
			canonical.append(name).append(':').append(value).append('\n');
		}
		return canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash).toString();
	}

	/** The bytes of an {@code aws-chunked} body, each chunk's signature checked. */
	private static Checked dechunk(HttpExchange exchange, byte[] body, String payloadHash, byte[] key, String dateAndScope,
			String seed) {
		boolean chunksSigned = payloadHash.startsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		String previous = seed;
		int at = 0;
		while (true) {
			int lineEnd = indexOfCrlf(body, at);
			if (lineEnd < 0) {
				return Checked.refused("a chunk header is cut");
			}
			String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
			int size = Integer.parseInt(header.split(";", 2)[0].strip(), 16);
			byte[] chunk = Arrays.copyOfRange(body, lineEnd + 2, lineEnd + 2 + size);
			if (chunksSigned) {
				String expected = hmacHex(key, "AWS4-HMAC-SHA256-PAYLOAD\n" + dateAndScope + "\n" + previous + "\n"
						+ EMPTY_SHA256 + "\n" + sha256Hex(chunk));
				if (!header.endsWith(";chunk-signature=" + expected)) {
					return Checked.refused("a chunk's signature does not match");
				}
				previous = expected;
			}
			payload.writeBytes(chunk);
			at = lineEnd + 2 + size + (size == 0 ? 0 : 2);
			if (size == 0) {
				break; // trailers (checksums), if any, follow; they are not kept
			}
		}
		String decoded = exchange.getRequestHeaders().getFirst("x-amz-decoded-content-length");
		if (decoded == null || Long.parseLong(decoded) != payload.size()) {
			return Checked.refused("x-amz-decoded-content-length is not the payload's length");
		}
		return new Checked(null, payload.toByteArray());
	}

	private byte[] signingKey(String date) {
		byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
		for (String part : List.of(region, "s3", "aws4_request")) {
			key = hmac(key, part);
		}
		return key;
	}

	private static int indexOfCrlf(byte[] bytes, int from) {
		for (int i = from; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String hmacHex(byte[] key, String data) {
		return HexFormat.of().formatHex(hmac(key, data));
	}

	static String sha256Hex(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
