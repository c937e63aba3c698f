package dev.parley.realtime.websocket;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One open socket of a user: its session (wrapped in a {@link ConcurrentWebSocketSessionDecorator},
 * which keeps sends one at a time and bounds their time), its subscriptions, and its own queue of
 * frames to send with one writer (a virtual thread), so that whoever hands it a frame (a reply's
 * relay, the fan-out) never waits for this client. A client that falls behind by more than the send
 * buffer limit, or whose send has taken longer than the send time limit, is closed with 1013 (try
 * again later): it may reconnect and resubscribe with {@code after}.
 */
final class LiveSocket {

	private static final Logger log = LoggerFactory.getLogger(LiveSocket.class);

	/** A client that falls behind is told to come back later. */
	static final CloseStatus OVERLOADED = CloseStatus.SERVICE_OVERLOAD;

	private static final String CLOSE = new String("close");

	private final UUID id;

	private final UUID userId;

	private final Instant openedAt;

	private final ConcurrentWebSocketSessionDecorator session;

	private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();

	private final AtomicLong queuedChars = new AtomicLong();

	private final long bufferLimit;

	private final long sendTimeLimitMillis;

	private final Map<UUID, ChatSubscription> subscriptions = new ConcurrentHashMap<>();

	private final Consumer<LiveSocket> onClosing;

	private final AtomicBoolean closing = new AtomicBoolean();

	private volatile CloseStatus closeStatus = CloseStatus.NORMAL;

	private volatile boolean dropQueued;

	/** @param onClosing told once, as soon as the socket starts closing (before its close frame is out) */
	LiveSocket(UUID id, UUID userId, WebSocketSession session, RealtimeProperties properties, Instant openedAt,
			Consumer<LiveSocket> onClosing) {
		this.id = id;
		this.onClosing = onClosing;
		this.userId = userId;
		this.openedAt = openedAt;
		this.sendTimeLimitMillis = properties.sendTimeLimit().toMillis();
		this.bufferLimit = properties.sendBufferLimit().toBytes();
		this.session = new ConcurrentWebSocketSessionDecorator(session, (int) sendTimeLimitMillis,
				(int) Math.min(Integer.MAX_VALUE, bufferLimit), ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
		Thread.ofVirtual().name("ws-writer-" + id).start(this::write);
	}

	UUID id() {
		return id;
	}

	UUID userId() {
		return userId;
	}

	Instant openedAt() {
		return openedAt;
	}

	boolean open() {
		return !closing.get() && session.isOpen();
	}

	Map<UUID, ChatSubscription> subscriptions() {
		return subscriptions;
	}

	/** Queues a frame; a client already too far behind is closed instead (1013). */
	void send(String frame) {
		if (closing.get()) {
			return;
		}
		long queued = queuedChars.addAndGet(frame.length());
		if (queued > bufferLimit || session.getTimeSinceSendStarted() > sendTimeLimitMillis) {
			log.info("WebSocket session {} fell behind ({} chars waiting); closing it with 1013", id, queued);
			closeNow(OVERLOADED);
			return;
		}
		queue.add(frame);
	}

	/** Sends what is queued, then closes with {@code status}. */
	void closeAfterQueued(CloseStatus status) {
		if (closing.compareAndSet(false, true)) {
			closeStatus = status;
			onClosing.accept(this);
			queue.add(CLOSE);
		}
	}

	/**
	 * Closes dropping what is queued. The writer sends the close frame once a send under way is done
	 * (a close frame cannot cut into a frame being written); a send that stays blocked past
	 * the send time limit fails, and the connection is dropped.
	 */
	void closeNow(CloseStatus status) {
		if (!closing.compareAndSet(false, true)) {
			return;
		}
		closeStatus = status;
		dropQueued = true;
		onClosing.accept(this);
		queue.clear();
		queue.add(CLOSE);
	}

	private void write() {
		try {
			while (true) {
				String frame = queue.take();
				if (frame == CLOSE) {
					closeQuietly(closeStatus);
					return;
				}
				queuedChars.addAndGet(-frame.length());
				if (!dropQueued) {
					session.sendMessage(new TextMessage(frame));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Could not send to WebSocket session {}; closing it", id, ex);
			if (closing.compareAndSet(false, true)) {
				onClosing.accept(this);
			}
			closeQuietly(CloseStatus.SESSION_NOT_RELIABLE);
		}
	}

	private void closeQuietly(CloseStatus status) {
		try {
			// The delegate, not the decorator: the decorator would turn a close after a slow send into 4500.
			session.getDelegate().close(status);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Could not close WebSocket session {} cleanly", id, ex);
		}
	}
}
