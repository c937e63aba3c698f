package dev.parley.feedback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers requests on their channels, one {@link FeedbackChannel} per name, and records every
 * delivery in the request's audit trail: delivered, or failed with the channel's reason. A failed
 * channel never stops the others; the request stays answerable wherever it did arrive.
 */
@Component
class FeedbackDispatcher {

	private static final Logger log = LoggerFactory.getLogger(FeedbackDispatcher.class);

	private final Map<String, FeedbackChannel> channels = new LinkedHashMap<>();

	private final FeedbackAudit audit;

	FeedbackDispatcher(List<FeedbackChannel> channels, FeedbackAudit audit) {
		channels.forEach(channel -> this.channels.put(channel.name(), channel));
		this.audit = audit;
	}

	List<String> channelNames() {
		return List.copyOf(channels.keySet());
	}

	/** Delivers the request to {@code recipient} on each of {@code names}. */
	void deliver(FeedbackRequest request, List<String> names, UUID recipient) {
		for (String name : names) {
			deliver(request, name, recipient);
		}
	}

	private void deliver(FeedbackRequest request, String name, UUID recipient) {
		FeedbackChannel channel = channels.get(name);
		if (channel == null) {
			audit.record(request.id(), FeedbackEvent.Type.DELIVERY_FAILED, name, null,
					"this server has no channel " + name);
			return;
		}
		// The per-channel rate limit (20 deliveries a minute) belongs here, before the channel is called.
		try {
			channel.deliver(request.delivery(recipient));
			audit.record(request.id(), FeedbackEvent.Type.DELIVERED, name, null, "to " + recipient);
		}
		catch (FeedbackDeliveryFailed ex) {
			audit.record(request.id(), FeedbackEvent.Type.DELIVERY_FAILED, name, null, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Channel {} failed to deliver feedback request {}", name, request.id(), ex);
			audit.record(request.id(), FeedbackEvent.Type.DELIVERY_FAILED, name, null,
					"the channel failed unexpectedly");
		}
	}
}
