package dev.parley.realtime.websocket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.parley.conversations.Chats;
import dev.parley.platform.ProblemKind;
import dev.parley.platform.limits.RateLimitPolicies;
import dev.parley.platform.limits.RateLimits;
import dev.parley.realtime.ChatCommands;
import dev.parley.realtime.FeedbackAnswers;
import dev.parley.realtime.LiveReplies;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What each client frame does. A chat is subscribed to (and sent to) only by its owner: another
 * user's chat is refused exactly like one that does not exist (a 404 {@code error} frame). Sending
 * subscribes the socket to the chat first, so it gets its own turn's frames like every other tab.
 */
@Component
class SocketCommands {

	private final LocalSockets sockets;

	private final Chats chats;

	private final LiveReplies live;

	private final ChatResume resume;

	private final Frames frames;

	private final ObjectProvider<ChatCommands> chatCommands;

	private final ObjectProvider<FeedbackAnswers> feedbackAnswers;

	private final RateLimits limits;

	private final RateLimitPolicies policies;

	SocketCommands(LocalSockets sockets, Chats chats, LiveReplies live, ChatResume resume, Frames frames,
			ObjectProvider<ChatCommands> chatCommands, ObjectProvider<FeedbackAnswers> feedbackAnswers,
			RateLimits limits, RateLimitPolicies policies) {
		this.limits = limits;
		this.policies = policies;
		this.sockets = sockets;
		this.chats = chats;
		this.live = live;
		this.resume = resume;
		this.frames = frames;
		this.chatCommands = chatCommands;
		this.feedbackAnswers = feedbackAnswers;
	}

	/** Does what the frame asks; a refusal is thrown as a {@link dev.parley.platform.ParleyException}. */
	void handle(LiveSocket socket, ClientFrame frame) {
		switch (frame.type()) {
			case "ping" -> {
				frame.allow(Set.of()).validate();
				Map<String, Object> pong = new LinkedHashMap<>();
				if (frame.id() != null) {
					pong.put("reply_to", frame.id());
				}
				socket.send(frames.of("pong", pong));
			}
			case "session.start" -> {
				frame.allow(Set.of("chat_id"));
				UUID chatId = frame.uuid("chat_id", false);
				frame.validate();
				Map<String, Object> started = new LinkedHashMap<>();
				started.put("session_id", socket.id());
				started.put("user_id", socket.userId());
				if (frame.id() != null) {
					started.put("reply_to", frame.id());
				}
				if (chatId == null) {
					socket.send(frames.of("session.started", started));
					return;
				}
				started.put("chat_id", chatId);
				subscribe(socket, chatId, null, started);
			}
			case "subscribe" -> {
				frame.allow(Set.of("chat_id", "after"));
				UUID chatId = frame.uuid("chat_id", true);
				ClientFrame.After after = frame.after();
				frame.validate();
				Map<String, Object> ack = ChatResume.ack(socket.id(), Objects.requireNonNull(chatId));
				if (frame.id() != null) {
					ack.put("reply_to", frame.id());
				}
				subscribe(socket, chatId, after, ack);
			}
			case "chat.send" -> {
				frame.allow(Set.of("chat_id", "content", "model", "agent_id"));
				UUID chatId = frame.uuid("chat_id", true);
				String content = frame.text("content", true, ClientFrame.MAX_CONTENT);
				String model = frame.text("model", false, 200);
				UUID agentId = frame.uuid("agent_id", false);
				frame.validate();
				ChatCommands commands = commands();
				chats.get(Objects.requireNonNull(chatId), socket.userId());
				takeMessageTokens(socket);
				sockets.subscribe(socket, chatId).release();
				commands.send(socket.userId(), chatId, new ChatCommands.Send(Objects.requireNonNull(content), model,
						agentId));
			}
			case "chat.cancel" -> {
				frame.allow(Set.of("message_id"));
				UUID messageId = frame.uuid("message_id", true);
				frame.validate();
				live.cancel(Objects.requireNonNull(messageId), socket.userId());
			}
			case "approval.answer" -> {
				frame.allow(Set.of("run_id", "step_id", "decision", "scope"));
				UUID runId = frame.uuid("run_id", true);
				UUID stepId = frame.uuid("step_id", true);
				String decision = frame.text("decision", true, 20);
				String scope = frame.text("scope", false, 20);
				frame.validate();
				commands().answerApproval(socket.userId(), Objects.requireNonNull(runId), Objects.requireNonNull(stepId),
						Objects.requireNonNull(decision), scope);
			}
			case "feedback.answer" -> {
				frame.allow(Set.of("request_id", "answer"));
				UUID requestId = frame.uuid("request_id", true);
				String answer = frame.text("answer", true, ClientFrame.MAX_CONTENT);
				frame.validate();
				FeedbackAnswers answers = feedbackAnswers.getIfAvailable();
				if (answers == null) {
					throw new NotAvailableHere("Feedback is");
				}
				answers.answer(socket.userId(), Objects.requireNonNull(requestId), Objects.requireNonNull(answer));
			}
			default -> throw new UnknownFrameType(frame.type());
		}
	}

	private void subscribe(LiveSocket socket, UUID chatId, ClientFrame.@Nullable After after,
			Map<String, Object> ack) {
		// The same refusal for another user's chat as for a missing one.
		chats.get(chatId, socket.userId());
		ChatSubscription subscription = sockets.subscribe(socket, chatId);
		subscription.hold();
		if (after == null) {
			socket.send(frames.of("session.started", ack));
			subscription.release();
			return;
		}
		// A catch-up may wait for a reply's saved events: off the socket's reading thread.
		Thread.ofVirtual().name("ws-resume-" + socket.id()).start(() -> {
			try {
				resume.resume(subscription, socket.userId(), after, ack);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				subscription.release();
				socket.send(frames.error(ProblemKind.INTERNAL_ERROR, "The chat could not be resumed.",
						(String) ack.get("reply_to")));
			}
		});
	}

	/**
	 * A {@code chat.send} counts against its user's messages per minute (the same bucket as
	 * {@code POST /api/v1/chats/{id}/completions}, on every node) and its live session's.
	 */
	private void takeMessageTokens(LiveSocket socket) {
		String user = socket.userId().toString();
		limits.consume(policies.userMessages(), user);
		try {
			limits.consume(policies.sessionMessages(), socket.id().toString());
		}
		catch (RuntimeException refused) {
			limits.giveBack(policies.userMessages(), user, 1);
			throw refused;
		}
	}

	private ChatCommands commands() {
		ChatCommands commands = chatCommands.getIfAvailable();
		if (commands == null) {
			throw new NotAvailableHere("Turns are");
		}
		return commands;
	}
}
