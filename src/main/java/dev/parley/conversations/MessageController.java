package dev.parley.conversations;

import java.time.Instant;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Messages", description = "The messages of your chats")
class MessageController {

	static final int MAX_CONTENT = 100_000;

	private final Chats chats;

	MessageController(Chats chats) {
		this.chats = chats;
	}

	@GetMapping("/chats/{chatId}/messages")
	@Operation(summary = "A chat's messages, oldest first")
	CursorPage<MessageView> history(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID chatId,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return chats.history(chatId, caller.id(), Cursor.decode(cursor), PageLimit.clamp(limit))
			.map(MessageView::from);
	}

	@PostMapping("/chats/{chatId}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a user or system message to the end of a chat")
	MessageView post(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID chatId,
			@Valid @RequestBody PostMessageRequest request) {
		return MessageView.from(
				chats.post(chatId, caller.id(), MessageRole.fromWireName(request.role()), request.content()));
	}

	@GetMapping("/messages/{id}")
	@Operation(summary = "One message of your chats")
	MessageView get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		return MessageView.from(chats.message(id, caller.id()));
	}

	@PatchMapping("/messages/{id}")
	@Operation(summary = "Replace a message's content")
	MessageView edit(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@Valid @RequestBody EditMessageRequest request) {
		return MessageView.from(chats.edit(id, caller.id(), request.content()));
	}

	@DeleteMapping("/messages/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a message")
	void delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		chats.deleteMessage(id, caller.id());
	}

	/** Clients write user and system messages; assistant and tool messages come from the server. */
	record PostMessageRequest(
			@NotNull @Pattern(regexp = "user|system", flags = Pattern.Flag.CASE_INSENSITIVE,
					message = "must be user or system") String role,
			@NotBlank @Size(max = MAX_CONTENT) String content) {
	}

	record EditMessageRequest(@NotBlank @Size(max = MAX_CONTENT) String content) {
	}

}

