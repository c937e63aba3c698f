package dev.parley.conversations;

import java.time.Instant;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
@RequestMapping("/api/v1/chats")
@Tag(name = "Chats", description = "Your conversations: create, find, rename, archive, bookmark, delete")
class ChatController {

	private final Chats chats;

	ChatController(Chats chats) {
		this.chats = chats;
	}

	@GetMapping
	@Operation(summary = "Your chats, newest activity first; q searches titles and message text")
	CursorPage<ChatResponse> list(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(defaultValue = "false") boolean archived, @RequestParam(required = false) @Nullable Boolean bookmarked,
			@RequestParam(required = false) @Size(max = 200) @Nullable String q,
			@RequestParam(name = "project_id", required = false) @Nullable UUID projectId,
			@RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
		ChatFilter filter = new ChatFilter(archived, bookmarked, q, projectId);
		return chats.list(caller.id(), filter, Cursor.decode(cursor), PageLimit.clamp(limit)).map(ChatResponse::from);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start a chat")
	ChatResponse start(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody CreateChatRequest request) {
		return ChatResponse.from(chats.start(caller.id(), request.title(), request.model(), request.systemPrompt(),
				request.agentId(), request.projectId()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of your chats")
	ChatResponse get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		return ChatResponse.from(chats.get(id, caller.id()));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a chat (absent fields stay as they are; a blank text field is cleared)")
	ChatResponse update(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@Valid @RequestBody UpdateChatRequest request) {
		return ChatResponse.from(chats.update(id, caller.id(), request.toChanges()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a chat and all its messages")
	void delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		chats.delete(id, caller.id());
	}

	@PostMapping("/{id}/archive")
	@Operation(summary = "Archive or unarchive a chat; without a body, toggle")
	ChatResponse archive(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@Valid @RequestBody(required = false) @Nullable ArchiveRequest request) {
		Chat chat = request == null ? chats.toggleArchived(id, caller.id())
				: chats.archive(id, caller.id(), request.archived());
		return ChatResponse.from(chat);
	}

	@PostMapping("/{id}/bookmark")
	@Operation(summary = "Bookmark or unbookmark a chat; without a body, toggle")
	ChatResponse bookmark(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@Valid @RequestBody(required = false) @Nullable BookmarkRequest request) {
		Chat chat = request == null ? chats.toggleBookmarked(id, caller.id())
				: chats.bookmark(id, caller.id(), request.bookmarked());
		return ChatResponse.from(chat);
	}

	record CreateChatRequest(@Size(max = 200) @Nullable String title, @Size(max = 200) @KnownModel @Nullable String model,
			@Size(max = 100_000) @Nullable String systemPrompt,
			@Schema(description = "An agent of yours that runs every turn of the chat") @Size(max = 100) @Nullable String agentId,
			@Schema(description = "A project of yours the chat belongs to") @Size(max = 100) @Nullable String projectId) {
	}

	record UpdateChatRequest(@Size(max = 200) @Nullable String title, @Size(max = 200) @KnownModel @Nullable String model,
			@Size(max = 100_000) @Nullable String systemPrompt, @Nullable Boolean archived, @Nullable Boolean bookmarked,
			@Schema(description = "An agent of yours; blank to make the chat plain") @Size(max = 100) @Nullable String agentId,
			@Schema(description = "A project of yours; blank to take the chat out of its project") @Size(max = 100)
			@Nullable String projectId) {

		ChatChanges toChanges() {
			return new ChatChanges(title, model, systemPrompt, archived, bookmarked, agentId, projectId);
		}
	}

	record ArchiveRequest(@NotNull Boolean archived) {
	}

	record BookmarkRequest(@NotNull Boolean bookmarked) {
	}

	record ChatResponse(UUID id, @Nullable String title, @Nullable String model, @Nullable String systemPrompt,
			boolean archived, boolean bookmarked, @Nullable UUID agentId, @Nullable UUID projectId, int messageCount,
			@Nullable Instant lastMessageAt, Instant createdAt, Instant updatedAt) {

		static ChatResponse from(Chat chat) {
			return new ChatResponse(chat.id(), chat.title(), chat.model(), chat.systemPrompt(), chat.archived(),
					chat.bookmarked(), chat.agentId(), chat.projectId(), chat.messageCount(), chat.lastMessageAt(), chat.createdAt(), chat.updatedAt());
		}
	}
}
