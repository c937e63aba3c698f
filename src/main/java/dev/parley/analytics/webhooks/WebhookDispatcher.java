package dev.parley.analytics.webhooks;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import dev.parley.ai.SealedSecret;
import dev.parley.ai.UserSecrets;
import dev.parley.platform.outbound.OutboundAddressGuard;
import dev.parley.platform.outbound.OutboundAddressRefused;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers what the outbox holds. Each node claims due deliveries with a lease ({@code for update
 * skip locked}, then {@code next_attempt_at} moved past the attempt), only the oldest pending one of
 * each endpoint, so deliveries reach an endpoint in order and never twice at once. 2xx is success;
 * 410 Gone disables the endpoint; anything else (or no answer) is retried on the Standard Webhooks
 * schedule with jitter, then the delivery has failed. Every call goes through the address guard.
 */
@Component
class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private static final int BATCH = 50;

	private static final int MAX_ERROR_LENGTH = 500;

	private static final MediaType JSON = MediaType.get("application/json");

	private final JdbcClient jdbc;

	private final UserSecrets secrets;

	private final WebhookProperties properties;

	private final Clock clock;

	private final OkHttpClient client;

	WebhookDispatcher(JdbcClient jdbc, UserSecrets secrets, OutboundAddressGuard guard, WebhookProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.properties = properties;
		this.clock = clock;
		this.client = new OkHttpClient.Builder().socketFactory(guard.socketFactory())
			.dns(guard::resolve)
			.followRedirects(false)
			.followSslRedirects(false)
			.retryOnConnectionFailure(false)
			.callTimeout(properties.timeout())
			.build();
	}

	@Scheduled(fixedDelayString = "${parley.analytics.webhooks.poll-interval:1s}")
	void deliverDue() {
		List<Claimed> due = claim();
		if (due.isEmpty()) {
			return;
		}
		try (ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor()) {
			due.forEach(delivery -> attempts.submit(() -> attempt(delivery)));
		}
	}

	private List<Claimed> claim() {
		Instant now = clock.instant();
		return jdbc.sql("""
				with due as (
				    select d.id from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
				    where d.status = 'pending' and e.status = 'active' and d.next_attempt_at <= :now
				      and not exists (select 1 from webhook_deliveries earlier
				                      where earlier.endpoint_id = d.endpoint_id and earlier.status = 'pending'
				                        and (earlier.created_at, earlier.id) < (d.created_at, d.id))
				    order by d.next_attempt_at limit :batch
				    for update of d skip locked)
				update webhook_deliveries d set next_attempt_at = :leaseEnd
				from due, webhook_endpoints e
				where d.id = due.id and e.id = d.endpoint_id
				returning d.id, d.endpoint_id, d.payload, d.attempts, e.user_id, e.url, e.secret_ciphertext,
				          e.secret_nonce, e.secret_key_id""")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("leaseEnd", now.plus(properties.lease()).atOffset(ZoneOffset.UTC))
			.param("batch", BATCH)
			.query((row, rowNumber) -> new Claimed(row.getObject("id", UUID.class),
					row.getObject("endpoint_id", UUID.class), row.getString("payload"), row.getInt("attempts"),
					row.getObject("user_id", UUID.class), row.getString("url"),
					new SealedSecret(row.getInt("secret_key_id"), row.getBytes("secret_nonce"),
							row.getBytes("secret_ciphertext"))))
			.list();
	}

	private void attempt(Claimed delivery) {
		String secret = secrets.open(delivery.secret(), delivery.ownerId(), WebhookEndpoint.secretPurpose(delivery.endpointId()))
			.orElse(null);
		if (secret == null) {
			failed(delivery, null, "the endpoint's secret can no longer be opened (was the encryption key replaced?)");
			return;
		}
		long timestamp = clock.instant().getEpochSecond();
		String id = "msg_" + delivery.id().toString().replace("-", "");
		Request request = new Request.Builder().url(delivery.url())
			.header("webhook-id", id)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", WebhookSigner.signature(secret, id, timestamp, delivery.payload()))
			.header("User-Agent", "Parley-Webhooks/1")
			.post(RequestBody.create(delivery.payload(), JSON))
			.build();
		try (Response response = client.newCall(request).execute()) {
			int status = response.code();
			if (status >= 200 && status < 300) {
				succeeded(delivery, status);
			}
			else if (status == 410) {
				gone(delivery);
			}
			else {
				retryOrFail(delivery, status, "the endpoint answered " + status);
			}
		}
		catch (OutboundAddressRefused refused) {
			retryOrFail(delivery, null, "the endpoint's address is refused (private, local or reserved)");
		}
		catch (IOException | IllegalArgumentException unreachable) {
			retryOrFail(delivery, null, "the endpoint could not be reached: " + unreachable.getClass().getSimpleName());
		}
	}

	private void succeeded(Claimed delivery, int status) {
		jdbc.sql("""
				update webhook_deliveries set status = 'succeeded', attempts = attempts + 1, last_status_code = :status,
				last_error = null, ended_at = :now where id = :id""")
			.param("status", status)
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", delivery.id())
			.update();
	}

	/** 410 Gone: the receiver says the endpoint is no more; it gets nothing further. */
	private void gone(Claimed delivery) {
		failed(delivery, 410, "the endpoint answered 410 Gone and was disabled");
		jdbc.sql("update webhook_endpoints set status = 'disabled', disabled_reason = :reason where id = :id")
			.param("reason", "answered 410 Gone at " + clock.instant())
			.param("id", delivery.endpointId())
			.update();
		log.info("Webhook endpoint {} answered 410 Gone and was disabled", delivery.endpointId());
	}

	private void retryOrFail(Claimed delivery, @Nullable Integer status, String error) {
		int attempts = delivery.attempts() + 1;
		List<Duration> schedule = properties.retrySchedule();
		if (attempts > schedule.size()) {
			failed(delivery, status, error);
			return;
		}
		Duration wait = jittered(schedule.get(attempts - 1));
		jdbc.sql("""
				update webhook_deliveries set attempts = :attempts, last_status_code = :status, last_error = :error,
				next_attempt_at = :next where id = :id""")
			.param("attempts", attempts)
			.param("status", status)
			.param("error", truncate(error))
			.param("next", clock.instant().plus(wait).atOffset(ZoneOffset.UTC))
			.param("id", delivery.id())
			.update();
	}

	private void failed(Claimed delivery, @Nullable Integer status, String error) {
		jdbc.sql("""
				update webhook_deliveries set status = 'failed', attempts = attempts + 1, last_status_code = :status,
				last_error = :error, ended_at = :now where id = :id""")
			.param("status", status)
			.param("error", truncate(error))
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", delivery.id())
			.update();
	}

	private Duration jittered(Duration wait) {
		double factor = 1 + properties.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
		return Duration.ofMillis(Math.max(0, Math.round(wait.toMillis() * factor)));
	}

	private static String truncate(String error) {
		return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
	}

	private record Claimed(UUID id, UUID endpointId, String payload, int attempts, UUID ownerId, String url,
			SealedSecret secret) {
	}
}
