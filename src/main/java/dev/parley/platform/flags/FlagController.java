package dev.parley.platform.flags;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own flags, evaluated for them. */
@RestController
@Tag(name = "Feature flags", description = "Which features are on for you; admins manage the rules")
class FlagController {

	private final FlagStore store;

	private final OpenFeatureFlags flags;

	FlagController(FlagStore store, OpenFeatureFlags flags) {
		this.store = store;
		this.flags = flags;
	}

	@GetMapping("/api/v1/flags")
	@Operation(summary = "Every flag of this server, evaluated for you: {\"flags\": {key: true|false}}")
	FlagsResponse mine(Authentication authentication) {
		Caller caller = Caller.of(authentication);
		Map<String, Boolean> evaluated = new LinkedHashMap<>();
		for (FlagRule rule : store.all()) {
			evaluated.put(rule.key(), flags.details(rule.key(), caller.id(), caller.roles()).getValue());
		}
		return new FlagsResponse(evaluated);
	}

	/** @param flags each flag's key and whether it is on for the caller */
	record FlagsResponse(Map<String, Boolean> flags) {
	}
}
