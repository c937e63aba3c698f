package dev.parley.identity;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins erase an account (a person's request for erasure made to the operator). */
@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "Privacy")
class AdminUserController {

	private final AccountErasure erasure;

	AdminUserController(AccountErasure erasure) {
		this.erasure = erasure;
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Erase a user's account and everything it owns (admins)")
	void erase(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		AdminOnly.require(caller, "erase another user's account");
		erasure.erase(id);
	}
}
