package dev.parley.realtime.websocket;

import java.util.UUID;

import dev.parley.realtime.UserNotifications;
import org.springframework.stereotype.Component;

/** {@link UserNotifications} through the fan-out: every socket of the user, on every node. */
@Component
class RealtimeNotifications implements UserNotifications {

	private final ChatFanOut fanOut;

	private final Frames frames;

	RealtimeNotifications(ChatFanOut fanOut, Frames frames) {
		this.fanOut = fanOut;
		this.frames = frames;
	}

	@Override
	public void notify(UUID userId, String type, Object payload) {
		fanOut.publish(new FanOutMessage.UserFrame(userId, frames.ofPayload(type, payload)));
	}
}
