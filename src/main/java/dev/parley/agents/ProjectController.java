package dev.parley.agents;

import java.time.Instant;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects", description = "Folders for your chats and agents")
class ProjectController {

	private final Projects projects;

	ProjectController(Projects projects) {
		this.projects = projects;
	}

	@GetMapping
	@Operation(summary = "Your projects, newest first")
	CursorPage<ProjectResponse> list(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return projects.list(caller.id(), Cursor.decode(cursor), PageLimit.clamp(limit)).map(ProjectResponse::from);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a project")
	ProjectResponse create(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody ProjectRequest request) {
		return ProjectResponse.from(projects.create(caller.id(), request.name(), request.description()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of your projects")
	ProjectResponse get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		return ProjectResponse.from(projects.get(id, caller.id()));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Rename or describe a project (absent fields stay; a blank description is cleared)")
	ProjectResponse update(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@RequestBody ProjectRequest request) {
		return ProjectResponse.from(projects.update(id, caller.id(), request.name(), request.description()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a project; one that holds chats or agents is a 409 unless cascade=true, "
			+ "which deletes them with it")
	@ApiResponse(responseCode = "409", description = "The project holds chats or agents and cascade is not set")
	void delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@Parameter(description = "Delete the project's chats (with their messages) and agents too")
			@RequestParam(defaultValue = "false") boolean cascade) {
		projects.delete(id, caller.id(), cascade);
	}

	record ProjectRequest(@Schema(maxLength = Projects.MAX_NAME) @Nullable String name,
			@Schema(maxLength = Projects.MAX_DESCRIPTION) @Nullable String description) {
	}

	record ProjectResponse(UUID id, String name, @Nullable String description, Instant createdAt,
			Instant updatedAt) {

		static ProjectResponse from(Project project) {
			return new ProjectResponse(project.id(), project.name(), project.description(), project.createdAt(),
					project.updatedAt());
		}
	}
}
