package dev.parley.realtime;

import java.util.UUID;

/**
 * Where a WebSocket {@code feedback.answer} goes: the module that keeps feedback requests
 * ({@code feedback}) provides it. Without such a bean the socket answers with an {@code error}
 * frame (503, feedback is not available).
 */
public interface FeedbackAnswers {

	/**
	 * Records this user's answer to a request put to them.
	 * @throws dev.parley.platform.ParleyException when it is refused: a 404 for a request that is not
	 *     theirs or does not exist, a 409 when it was decided already, a 400 for an answer that is not
	 *     one of its options
	 */
	void answer(UUID userId, UUID requestId, String answer);
}
