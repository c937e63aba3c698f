package dev.parley.platform;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code parley.platform.max-request-size} (1 MiB) with a 413 problem:
 * at once when the declared length says so, or while reading when a chunked body grows too big.
 * Paths a module declares as {@link LargeBodyEndpoints} (file uploads) have their own limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final List<LargeBodyEndpoints> largeBodies;

	private final ProblemWriter problemWriter;

	RequestSizeLimitFilter(PlatformProperties properties, List<LargeBodyEndpoints> largeBodies,
			ProblemWriter problemWriter) {
		this.maxBytes = properties.maxRequestSize().toBytes();
		this.largeBodies = List.copyOf(largeBodies);
		this.problemWriter = problemWriter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long maxBytes = limitFor(request.getRequestURI());
		if (request.getContentLengthLong() > maxBytes) {
			problemWriter.write(request, response, Problems.of(ProblemKind.PAYLOAD_TOO_LARGE, BodyTooLarge.DETAIL));
			return;
		}
		chain.doFilter(new LimitedRequest(request, maxBytes), response);
	}

	private long limitFor(String path) {
		long limit = maxBytes;
		for (LargeBodyEndpoints endpoints : largeBodies) {
			if (endpoints.paths().contains(path)) {
				limit = Math.max(limit, endpoints.maxSize().toBytes());
			}
		}
		return limit;
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private @Nullable ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new LimitedInputStream(super.getInputStream(), maxBytes);
			}
			return stream;
		}
	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long maxBytes;

		private long read;

		LimitedInputStream(ServletInputStream delegate, long maxBytes) {
			this.delegate = delegate;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLarge {
			read += n;
			if (read > maxBytes) {
				throw new BodyTooLarge();
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}
	}
}
