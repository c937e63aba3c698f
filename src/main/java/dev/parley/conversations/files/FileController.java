package dev.parley.conversations.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.parley.conversations.StoredFile;
import dev.parley.conversations.UserFiles;
import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.InvalidFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/files")
@Tag(name = "Files", description = "Your uploaded files: images for models to see, documents for their text")
class FileController {

	private final UserFiles files;

	FileController(UserFiles files) {
		this.files = files;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload a file (multipart field \"file\")",
			description = "Its type is read from its bytes, not from what the client declares. At most the configured "
					+ "size (20 MB by default), within your storage quota (200 MB by default).")
	@ApiResponse(responseCode = "413", description = "The file is too large, or would pass your storage quota")
	FileView upload(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestPart(name = "file", required = false) @Nullable MultipartFile file) {
		if (file == null) {
			throw InvalidFields.of("file", "is required: a multipart part named file");
		}
		try (InputStream content = file.getInputStream()) {
			return FileView.of(files.upload(caller.id(), file.getOriginalFilename(), content, file.getSize()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The upload could not be read", ex);
		}
	}

	@GetMapping
	@Operation(summary = "Your files, newest first, with the storage you use and your quota")
	FilePage list(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		CursorPage<FileView> page = files.list(caller.id(), Cursor.decode(cursor), limit).map(FileView::of);
		return new FilePage(page.items(), page.nextCursor(), files.usedBytes(caller.id()), files.quotaBytes());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of your files")
	FileView get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		return FileView.of(files.get(caller.id(), id));
	}

	@GetMapping("/{id}/content")
	@Operation(summary = "A file's bytes: images inline, everything else as a download")
	void content(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			HttpServletResponse response) throws IOException {
		StoredFile file = files.get(caller.id(), id);
		try (InputStream content = files.open(caller.id(), id)) {
			response.setStatus(200);
			response.setContentType(file.contentType());
			response.setContentLengthLong(file.sizeBytes());
			response.setHeader("X-Content-Type-Options", "nosniff");
			// A stored file never runs as a page of this server, whatever it holds.
			response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
			ContentDisposition disposition = (ContentSniffer.isImage(file.contentType()) ? ContentDisposition.inline()
					: ContentDisposition.attachment())
				.filename(file.name(), StandardCharsets.UTF_8)
				.build();
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
			content.transferTo(response.getOutputStream());
		}
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a file; messages that carried it keep their text")
	void delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		files.delete(caller.id(), id);
	}

	record FileView(UUID id, String name, String contentType, long sizeBytes, String sha256, Instant createdAt) {

		static FileView of(StoredFile file) {
			return new FileView(file.id(), file.name(), file.contentType(), file.sizeBytes(), file.sha256(),
					file.createdAt());
		}
	}

	record FilePage(java.util.List<FileView> items, @Nullable String nextCursor, long usedBytes, long quotaBytes) {
	}
}
