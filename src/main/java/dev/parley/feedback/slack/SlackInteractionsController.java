package dev.parley.feedback.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's interactivity callback (the app's Request URL), public: the signature is the proof. The
 * raw body is checked before it is parsed ({@link SlackRawBody}); a verified press answers with
 * 200 at once, whatever became of the answer, as Slack expects.
 */
@RestController
@Tag(name = "Feedback")
class SlackInteractionsController {

	static final String PATH = "/api/v1/integrations/slack/interactions";

	private static final String PAYLOAD = "payload=";

	private final SlackSignature signature;

	private final SlackInteractions interactions;

	private final JsonMapper json;

	private final Clock clock;

	SlackInteractionsController(SlackSignature signature, SlackInteractions interactions, JsonMapper json, Clock clock) {
		this.signature = signature;
		this.interactions = interactions;
		this.json = json;
		this.clock = clock;
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@Operation(summary = "Slack's interactivity callback: a press on a feedback request's button (signed by Slack)",
			description = "Form-encoded `payload=` as Slack sends it, verified by `X-Slack-Signature` (v0, HMAC-SHA256 of "
					+ "`v0:{X-Slack-Request-Timestamp}:{body}` under the signing secret) within five minutes. "
					+ "Only the Slack user the request was sent to may answer; a duplicate callback applies once.")
	@ApiResponse(responseCode = "200", description = "Verified; the answer, if any, was handed to the request")
	@ApiResponse(responseCode = "401", description = "Not signed by Slack, or the timestamp is stale")
	@ApiResponse(responseCode = "403", description = "Pressed by a Slack user the request was not sent to")
	ResponseEntity<Void> interaction(HttpServletRequest request) {
		byte[] body = SlackRawBody.of(request);
		if (!signature.verifies(request.getHeader("X-Slack-Request-Timestamp"), request.getHeader("X-Slack-Signature"),
				body, clock.instant())) {
			throw new SlackRequestNotVerified();
		}
		JsonNode payload = payload(new String(body, StandardCharsets.UTF_8));
		if (payload != null) {
			interactions.handle(payload);
		}
		return ResponseEntity.ok().build();
	}

	private @Nullable JsonNode payload(String form) {
		for (String pair : form.split("&")) {
			if (pair.startsWith(PAYLOAD)) {
				try {
					return json.readTree(URLDecoder.decode(pair.substring(PAYLOAD.length()), StandardCharsets.UTF_8));
				}
				catch (JacksonException | IllegalArgumentException ex) {
					return null;
				}
			}
		}
		return null;
	}
}
