package dev.parley.feedback;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Delivers each request once it is committed, on all its channels. Durable: the event publication
 * registry keeps a request whose delivery did not finish.
 */
@Component
class FeedbackDeliveries {

	private final FeedbackRecords records;

	private final FeedbackDispatcher dispatcher;

	FeedbackDeliveries(FeedbackRecords records, FeedbackDispatcher dispatcher) {
		this.records = records;
		this.dispatcher = dispatcher;
	}

	@ApplicationModuleListener
	void on(FeedbackRequested requested) {
		records.find(requested.requestId())
			.filter(request -> request.status() == FeedbackStatus.PENDING)
			.ifPresent(request -> dispatcher.deliver(request, request.channels(), request.recipientId()));
	}
}
