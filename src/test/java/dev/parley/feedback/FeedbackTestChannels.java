package dev.parley.feedback;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.parley.realtime.UserNotifications;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What the feedback tests deliver through: a recording push to users' sessions, a recording
 * channel {@code pager} and a channel {@code broken} whose server always refuses.
 */
@TestConfiguration(proxyBeanMethods = false)
class FeedbackTestChannels {

	/** Stands in for the WebSocket pushes of the realtime module, which exist beside it. */
	@Bean
	@Primary
	Pushes pushes() {
		return new Pushes();
	}

	@Bean
	Pager pager() {
		return new Pager();
	}

	@Bean
	FeedbackChannel brokenChannel() {
		return new FeedbackChannel() {

			@Override
			public String name() {
				return "broken";
			}

			@Override
			public void deliver(FeedbackDelivery delivery) {
				throw new FeedbackDeliveryFailed("the pager service refused: 503");
			}
		};
	}

	record Push(UUID userId, String type, Object payload) {
	}

	static final class Pushes implements UserNotifications {

		final List<Push> sent = new CopyOnWriteArrayList<>();

		@Override
		public void notify(UUID userId, String type, Object payload) {
			sent.add(new Push(userId, type, payload));
		}
	}

	static final class Pager implements FeedbackChannel {

		final List<FeedbackDelivery> delivered = new CopyOnWriteArrayList<>();

		@Override
		public String name() {
			return "pager";
		}

		@Override
		public void deliver(FeedbackDelivery delivery) {
			delivered.add(delivery);
		}
	}
}
