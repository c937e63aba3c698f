package dev.parley.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.parley.identity.AdminOnly;
import dev.parley.identity.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Products")
class ProductImportController {

	static final String NDJSON = "application/x-ndjson";

	private final ProductImport imports;

	ProductImportController(ProductImport imports) {
		this.imports = imports;
	}

	@PostMapping(path = "/api/v1/products:import", consumes = NDJSON)
	@Operation(summary = "Import products from JSON lines (admins), upserting each by its external_id",
			description = "One product per line, in the fields of POST /api/v1/products plus a required external_id. "
					+ "Bad lines are reported ({line, errors}) and skipped; the good ones are written in one transaction. "
					+ "At most parley.catalog.import.max-lines lines (5,000) and the server's body limit (1 MiB). "
					+ "Sending the same file again changes nothing (every line is unchanged).")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = NDJSON,
			schema = @Schema(type = "string", example = "{\"external_id\": \"sku-1\", \"name\": \"Mug\", \"price\": {\"amount\": \"9.90\", \"currency\": \"EUR\"}}")))
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProductImport.Report.class)))
	@ApiResponse(responseCode = "403", description = "You are not an admin")
	@ApiResponse(responseCode = "415", description = "The body is not application/x-ndjson")
	ProductImport.Report run(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody byte[] body) {
		AdminOnly.require(caller, "change the catalogue");
		try {
			return imports.run(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString());
		}
		catch (CharacterCodingException ex) {
			throw ProductFields.refused("body", "must be UTF-8 text");
		}
	}
}
