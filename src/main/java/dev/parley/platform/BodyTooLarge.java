package dev.parley.platform;

import java.io.IOException;

/**
 * Thrown while reading a request body that passes the size limit ({@code RequestSizeLimitFilter}):
 * a chunked body declares no length, so it is refused as it grows. Whatever handles the read's
 * failure answers 413 in its API's shape ({@link #causedIt}).
 */
public final class BodyTooLarge extends IOException {

	public static final String DETAIL = "The request body is larger than this server accepts.";

	BodyTooLarge() {
		super(DETAIL);
	}

	/** Whether {@code failure}, or anything that caused it, is a body over the limit. */
	public static boolean causedIt(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLarge) {
				return true;
			}
		}
		return false;
	}
}
