package dev.parley.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the container's error dispatch (errors raised outside Spring MVC) with a problem instead
 * of Boot's default error body, so no path ever shows a stack trace or a white-label page.
 */
@RestController
class ProblemErrorController implements ErrorController {

	/** Answers whatever the client accepts: an event-stream client still gets the problem, not a 406. */
	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer value ? value : 500;
		HttpStatus httpStatus = HttpStatus.resolve(status);
		String title = httpStatus == null ? "Error" : httpStatus.getReasonPhrase();
		String detail = status >= 500 ? "Something went wrong on our side." : title;
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.ofStatus(status, title, detail));
	}
}
