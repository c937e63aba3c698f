package dev.parley.platform;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the container's error dispatch (errors raised outside Spring MVC) with a problem instead
 * of Boot's default error body, so no path ever shows a stack trace or a white-label page. Not part
 * of the API: hidden from its documentation.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

	private final ProblemWriter problemWriter;

	ProblemErrorController(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	/** Answers whatever the client accepts: an event-stream client still gets the problem, not a 406. */
	@RequestMapping("/error")
	ResponseEntity<Object> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer value ? value : 500;
		HttpStatus httpStatus = HttpStatus.resolve(status);
		String title = httpStatus == null ? "Error" : httpStatus.getReasonPhrase();
		String detail = status >= 500 ? "Something went wrong on our side." : title;
		return problemWriter.entity(request, Problems.ofStatus(status, title, detail), HttpHeaders.EMPTY);
	}
}
