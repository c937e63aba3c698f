package dev.parley.platform.limits;

import dev.parley.platform.limits.RateLimitPolicy.OnOutage;
import org.springframework.stereotype.Component;

/** The configured policies ({@code parley.platform.limits.*}) that modules share. */
@Component
public class RateLimitPolicies {

	private final RateLimitPolicy userMessages;

	private final RateLimitPolicy sessionMessages;

	private final RateLimitPolicy channelMessages;

	private final RateLimitPolicy authRequests;

	RateLimitPolicies(LimitsProperties properties) {
		this.userMessages = new RateLimitPolicy("user-messages", properties.userMessages(), properties.window(),
				OnOutage.REFUSE, "You are sending messages too fast; wait a moment.");
		this.sessionMessages = new RateLimitPolicy("session-messages", properties.sessionMessages(),
				properties.window(), OnOutage.REFUSE, "This session is sending messages too fast; wait a moment.");
		this.channelMessages = new RateLimitPolicy("channel-messages", properties.channelMessages(),
				properties.window(), OnOutage.REFUSE, "This channel is carrying messages too fast; wait a moment.");
		this.authRequests = new RateLimitPolicy("auth-address", properties.authRequestsPerAddress(),
				properties.window(), OnOutage.COUNT_LOCALLY, "Too many sign-in requests from your address; wait a moment.");
	}

	/** Chat turns per user (key: the user id). */
	public RateLimitPolicy userMessages() {
		return userMessages;
	}

	/** {@code chat.send} per live WebSocket session (key: the session id). */
	public RateLimitPolicy sessionMessages() {
		return sessionMessages;
	}

	/** Messages per feedback channel (key: the channel and its recipient, e.g. {@code slack:U123}). */
	public RateLimitPolicy channelMessages() {
		return channelMessages;
	}

	/** Requests to the sign-in endpoints per client address (key: the address). */
	public RateLimitPolicy authRequests() {
		return authRequests;
	}
}
