package dev.parley.testing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoint that fails the way a bug would, to check what a client then sees. */
@RestController
class FailingController {

	static final String SECRET_DETAIL = "jdbc:postgresql://db.internal:5432 password=hunter2";

	@GetMapping("/api/v1/testing/failure")
	String fail() {
		throw new IllegalStateException(SECRET_DETAIL);
	}
}
