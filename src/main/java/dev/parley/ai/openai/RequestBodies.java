package dev.parley.ai.openai;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;

/**
 * A {@code /v1} request's body as the client sent it, read by the controller itself. Spring MVC's
 * {@code @RequestBody byte[]} did the same through its argument resolution (converter lookup, body
 * advice, the empty-body wrapper): 5.2 % of a proxied request's CPU on the AMD EPYC host, reading
 * included (bench/README.md, "Framework CPU per request"). Same outcomes: a missing or empty body is
 * the {@link HttpMessageNotReadableException} MVC threw (an OpenAI 400 by {@code OpenAiErrors}), and
 * so is a failed read; the size limit is the request's own ({@code RequestSizeLimitFilter} wraps its
 * stream), and a chunked body that passes it is a 413 ({@code OpenAiErrors} finds its
 * {@link dev.parley.platform.BodyTooLarge} among the causes).
 */
final class RequestBodies {

	private RequestBodies() {
	}

	/**
	 * @throws HttpMessageNotReadableException when there is no body, or reading it failed (the size
	 * limit, a client gone), as MVC's argument resolution wrapped its {@link IOException}
	 */
	static byte[] read(HttpServletRequest request) {
		byte[] body;
		try {
			// A declared length is read into an array of exactly that size (what MVC's converter did);
			// the size limit has refused a declared length over it already.
			long declared = request.getContentLengthLong();
			body = declared >= 0 && declared < Integer.MAX_VALUE ? request.getInputStream().readNBytes((int) declared)
					: request.getInputStream().readAllBytes();
		}
		catch (IOException ex) {
			throw new HttpMessageNotReadableException("I/O error while reading input message", ex,
					new ServletServerHttpRequest(request));
		}
		if (body.length == 0) {
			throw new HttpMessageNotReadableException("Required request body is missing",
					new ServletServerHttpRequest(request));
		}
		return body;
	}
}
