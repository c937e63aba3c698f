package dev.parley.analytics.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on a loopback port that verifies every request as the Standard Webhooks spec
 * tells receivers to (written here from the spec, not from Parley's signer), and answers with the
 * status codes it is told to, then 200.
 */
final class WebhookReceiver implements AutoCloseable {

	record Received(String id, long timestamp, String signature, String body, boolean signatureValid) {
	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Deque<Integer> answers = new ArrayDeque<>();

	private volatile int answerAfterwards = 200;

	private volatile String secret = "";

	WebhookReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
			String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
			received.add(new Received(id, Long.parseLong(timestamp), signature, body,
					verifies(id, timestamp, body, signature)));
			int status;
			synchronized (answers) {
				status = answers.isEmpty() ? answerAfterwards : answers.removeFirst();
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	void secret(String secret) {
		this.secret = secret;
	}

	/** The next answers, in order; {@code then} after them. */
	void answer(int then, Integer... first) {
		synchronized (answers) {
			answers.clear();
			answers.addAll(List.of(first));
		}
		answerAfterwards = then;
	}

	List<Received> received() {
		return received;
	}

	/** The spec: base64 HMAC-SHA256 of "{id}.{timestamp}.{body}" under the base64-decoded secret after "whsec_". */
	private boolean verifies(String id, String timestamp, String body, String header) {
		try {
			byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			String expected = Base64.getEncoder()
				.encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
			for (String signature : header.split(" ")) {
				if (signature.startsWith("v1,") && java.security.MessageDigest.isEqual(
						signature.substring(3).getBytes(StandardCharsets.US_ASCII),
						expected.getBytes(StandardCharsets.US_ASCII))) {
					return true;
				}
			}
			return false;
		}
		catch (GeneralSecurityException | IllegalArgumentException | StringIndexOutOfBoundsException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
