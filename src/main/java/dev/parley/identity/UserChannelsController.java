package dev.parley.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users/me/channels")
@Tag(name = "Users", description = "The authenticated user's profile and password")
class UserChannelsController {

	private final UserChannels channels;

	UserChannelsController(UserChannels channels) {
		this.channels = channels;
	}

	@GetMapping
	@Operation(summary = "Where feedback requests reach you: your email address and Slack member id")
	ChannelsResponse get(@AuthenticationPrincipal AuthenticatedUser caller) {
		return ChannelsResponse.from(channels.of(caller.id()));
	}

	@PutMapping
	@Operation(summary = "Set where feedback requests reach you (both fields; an absent or null email is the account's, "
			+ "an absent or null slack_user_id is none). Needs a login session: an API key may not redirect your approvals")
	@ApiResponse(responseCode = "400", description = "An invalid email or Slack member id (both named at once)")
	ChannelsResponse put(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody ChannelsRequest request) {
		return ChannelsResponse.from(channels.update(caller.id(), request.email(), request.slackUserId()));
	}

	/**
	 * @param email where feedback mails go; null or absent: the account's email
	 * @param slackUserId the Slack member id (U012AB3CD) direct messages go to; null or absent: none
	 */
	record ChannelsRequest(@Nullable String email, @Nullable String slackUserId) {
	}

	/**
	 * @param email where feedback mails go
	 * @param emailIsAccountEmail whether that is the account's email (no other address was set)
	 * @param slackUserId the Slack member id, or null
	 */
	record ChannelsResponse(String email, boolean emailIsAccountEmail, @Nullable String slackUserId) {

		static ChannelsResponse from(UserChannels.Addresses addresses) {
			return new ChannelsResponse(addresses.email(), addresses.accountEmail(), addresses.slackUserId());
		}
	}
}
