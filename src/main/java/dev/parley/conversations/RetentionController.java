package dev.parley.conversations;

import dev.parley.identity.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users/me/retention")
@Tag(name = "Privacy")
class RetentionController {

	private final ChatRetention retention;

	RetentionController(ChatRetention retention) {
		this.retention = retention;
	}

	@GetMapping
	@Operation(summary = "How long your chats that are not archived are kept after their last activity")
	RetentionView get(@AuthenticationPrincipal AuthenticatedUser caller) {
		return view(caller);
	}

	@PutMapping
	@Operation(summary = "Set your retention in days (1 to 36500), or null to follow the server's",
			description = "The shorter of yours and the server's applies; archived chats are always kept.")
	RetentionView set(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody RetentionRequest request) {
		retention.setUserDays(caller.id(), request.days());
		return view(caller);
	}

	private RetentionView view(AuthenticatedUser caller) {
		Integer own = retention.userDays(caller.id());
		int server = retention.serverDays();
		Integer effective = own == null ? (server > 0 ? server : null) : (server > 0 ? Math.min(own, server) : own);
		return new RetentionView(own, server > 0 ? server : null, effective);
	}

	record RetentionRequest(@Nullable Integer days) {
	}

	/**
	 * @param days the user's own setting
	 * @param serverDays the server's ({@code PARLEY_RETENTION_DAYS}), or {@code null} when it keeps chats for ever
	 * @param effectiveDays what applies, or {@code null} when chats are kept for ever
	 */
	record RetentionView(@Nullable Integer days, @Nullable Integer serverDays, @Nullable Integer effectiveDays) {
	}
}
