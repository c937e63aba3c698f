package dev.parley.identity;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rotation and concurrency with the default reuse grace (a second use right after a rotation is a race). */
@IntegrationTest
class RefreshTokenIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void rotatesOnEveryUse() {
		ApiClient.Session session = api.register();
		Response first = refresh(session.refreshToken());
		Response second = refresh(first.json().get("refresh_token").asString());
		assertThat(first.status()).isEqualTo(200);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().get("refresh_token").asString())
			.isNotEqualTo(first.json().get("refresh_token").asString());
		assertThat(refresh(session.refreshToken()).status()).isEqualTo(401);
	}

	@Test
	void concurrentRefreshesWithOneTokenRotateOnce() throws Exception {
		ApiClient.Session session = api.register();
		int callers = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Response>> calls = IntStream.range(0, callers).<Callable<Response>>mapToObj(i -> () -> {
			start.await();
			return refresh(session.refreshToken());
		}).toList();
		List<Response> responses;
		try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
			List<Future<Response>> futures = calls.stream().map(pool::submit).toList();
			start.countDown();
			responses = futures.stream().map(ApiClientFutures::join).toList();
		}
		List<Response> winners = responses.stream().filter(r -> r.status() == 200).toList();
		assertThat(winners).hasSize(1);
		assertThat(responses).filteredOn(r -> r.status() != 200).allSatisfy(r -> assertThat(r.status()).isEqualTo(401));
		// The race did not cost the winner its session.
		Response next = refresh(winners.getFirst().json().get("refresh_token").asString());
		assertThat(next.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/auth/me", next.json().get("access_token").asString()).status()).isEqualTo(200);
	}

	@Test
	void refreshTokenIsNotAnAccessToken() {
		ApiClient.Session session = api.register();
		assertThat(api.get("/api/v1/auth/me", session.refreshToken()).status()).isEqualTo(401);
	}

	@Test
	void accessTokenIsNotARefreshToken() {
		ApiClient.Session session = api.register();
		assertThat(refresh(session.accessToken()).status()).isEqualTo(401);
	}

	@Test
	void unknownRefreshTokenIsRefused() {
		Response response = refresh("not-a-token-this-server-issued");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("type").asString()).endsWith("/unauthenticated");
	}

	@Test
	void missingRefreshTokenIsAValidationError() {
		Response response = api.post("/api/v1/auth/refresh", null, map());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("refresh_token");
	}

	private Response refresh(String token) {
		return api.post("/api/v1/auth/refresh", null, map("refresh_token", token));
	}

	static final class ApiClientFutures {

		static <T> T join(Future<T> future) {
			try {
				return future.get();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
	}
}
