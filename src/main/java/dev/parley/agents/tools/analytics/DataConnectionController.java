package dev.parley.agents.tools.analytics;

import java.time.Instant;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.CursorPage;
import dev.parley.platform.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/data-connections")
@Tag(name = "Data connections",
		description = "Your data sources for agents' tools (Google Analytics 4); keys stored encrypted, never shown again")
class DataConnectionController {

	private final DataConnections connections;

	DataConnectionController(DataConnections connections) {
		this.connections = connections;
	}

	@GetMapping
	@Operation(summary = "Your data connections, oldest first (the key's client_email only, never the key)")
	CursorPage<ConnectionResponse> list(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return connections.list(caller.id(), cursor, PageLimit.clamp(limit)).map(ConnectionResponse::from);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Connect a Google Analytics 4 property with your service account key (login session only)",
			description = "kind must be google_analytics; service_account_json is the content of the key file "
					+ "(client_email, private_key, token_uri). The service account needs Viewer access to the property.")
	@ApiResponse(responseCode = "403", description = "Called with an API key: only a login session may add a connection")
	@ApiResponse(responseCode = "409", description = "You already have a data connection of this name")
	ConnectionResponse add(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody CreateConnectionRequest request) {
		return ConnectionResponse.from(connections.add(caller.id(), request.kind(), request.name(), request.propertyId(),
				request.serviceAccountJson()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of your data connections")
	ConnectionResponse get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		return ConnectionResponse.from(connections.get(id, caller.id()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a data connection and its stored key (login session only)")
	@ApiResponse(responseCode = "403", description = "Called with an API key: only a login session may delete a connection")
	void remove(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		connections.remove(id, caller.id());
	}

	/** Checked by {@link DataConnections}, every field at once (so no bean constraints here). */
	record CreateConnectionRequest(@Nullable String kind, @Nullable String name, @Nullable String propertyId,
			@Nullable String serviceAccountJson) {

		@Override
		public String toString() {
			return "CreateConnectionRequest[kind=" + kind + ", name=" + name + ", propertyId=" + propertyId
					+ ", serviceAccountJson=***]";
		}
	}

	record ConnectionResponse(UUID id, String kind, String name, String propertyId, String clientEmail,
			Instant createdAt) {

		static ConnectionResponse from(DataConnection connection) {
			return new ConnectionResponse(connection.id(), connection.kind(), connection.name(),
					connection.propertyId(), connection.clientEmail(), connection.createdAt());
		}
	}
}
