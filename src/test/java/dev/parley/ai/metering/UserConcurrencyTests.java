package dev.parley.ai.metering;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import dev.parley.ai.TooManyGenerations;
import org.junit.jupiter.api.Test;

class UserConcurrencyTests {

	private final UserConcurrency concurrency = new UserConcurrency(2);

	@Test
	void capsEachUserSeparately() {
		UUID ada = UUID.randomUUID();
		UUID grace = UUID.randomUUID();
		concurrency.acquire(ada);
		concurrency.acquire(ada);

		assertThatThrownBy(() -> concurrency.acquire(ada)).isInstanceOf(TooManyGenerations.class);
		assertThatCode(() -> concurrency.acquire(grace)).doesNotThrowAnyException();
	}

	@Test
	void leavesGenerationsForNoUserUncapped() {
		for (int i = 0; i < 5; i++) {
			concurrency.acquire(null);
		}
		assertThatCode(() -> concurrency.acquire(null)).doesNotThrowAnyException();
	}

	@Test
	void aReleasedPermitFreesItsPlaceOnce() {
		UUID ada = UUID.randomUUID();
		UserConcurrency.Permit first = concurrency.acquire(ada);
		concurrency.acquire(ada);

		first.release();
		first.release();

		assertThatCode(() -> concurrency.acquire(ada)).doesNotThrowAnyException();
		assertThatThrownBy(() -> concurrency.acquire(ada)).isInstanceOf(TooManyGenerations.class);
	}
}
