package dev.parley.analytics.exports;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

import dev.parley.identity.AdminOnly;
import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The right of access: a zip of everything a user owns, for the user or, for any user, an admin. */
@RestController
@Tag(name = "Privacy", description = "Exports of your data and the erasure of your account")
class ExportController {

	private final DataExports exports;

	private final JsonMapper json;

	ExportController(DataExports exports, JsonMapper json) {
		this.exports = exports;
		this.json = json;
	}

	@PostMapping("/api/v1/users/me/export")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Export everything you own: a job whose zip GET /users/me/exports/{id} gives when ready")
	ExportView export(@AuthenticationPrincipal AuthenticatedUser caller) {
		return ExportView.of(exports.request(caller.id(), caller.id()));
	}

	@GetMapping("/api/v1/users/me/exports/{id}")
	@Operation(summary = "One of your exports: the zip when it is ready (application/zip), else its status (202)",
			description = "The zip holds profile.jsonl, chats.jsonl, messages.jsonl, runs.jsonl, usage.jsonl, "
					+ "consent_ledger.jsonl ... (one JSON object per line), files/<id>/<name>, and manifest.json.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/zip"))
	@ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = ExportView.class)))
	void download(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			HttpServletResponse response) throws IOException {
		write(exports.find(caller.id(), id).orElseThrow(ExportNotFound::new), response);
	}

	@PostMapping("/api/v1/admin/users/{userId}/export")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Export everything a user owns (admins); fetch it with GET /admin/exports/{id}")
	ExportView exportUser(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID userId) {
		AdminOnly.require(caller, "export another user's data");
		return ExportView.of(exports.request(userId, caller.id()));
	}

	@GetMapping("/api/v1/admin/exports/{id}")
	@Operation(summary = "Any user's export (admins): the zip when ready, else its status (202)")
	void adminDownload(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			HttpServletResponse response) throws IOException {
		AdminOnly.require(caller, "fetch another user's export");
		write(exports.find(id).orElseThrow(ExportNotFound::new), response);
	}

	private void write(DataExport export, HttpServletResponse response) throws IOException {
		if (!export.status().equals("ready")) {
			response.setStatus(export.status().equals("failed") ? 200 : HttpStatus.ACCEPTED.value());
			response.setContentType("application/json");
			json.writeValue(response.getOutputStream(), ExportView.of(export));
			return;
		}
		response.setStatus(200);
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"parley-export-" + export.id() + ".zip\"");
		if (export.sizeBytes() != null) {
			response.setContentLengthLong(export.sizeBytes());
		}
		try (InputStream zip = exports.open(export)) {
			zip.transferTo(response.getOutputStream());
		}
	}

	record ExportView(UUID id, UUID userId, String status, @Nullable String error, @Nullable Long sizeBytes,
			Instant createdAt, @Nullable Instant completedAt, @Nullable Instant expiresAt) {

		static ExportView of(DataExport export) {
			return new ExportView(export.id(), export.userId(), export.status(), export.error(), export.sizeBytes(),
					export.createdAt(), export.completedAt(), export.expiresAt());
		}
	}

	/** An export id that names none of the caller's exports. */
	static final class ExportNotFound extends ParleyException {

		ExportNotFound() {
			super(ProblemKind.NOT_FOUND, "No such export.");
		}
	}
}
