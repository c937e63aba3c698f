package dev.parley.platform;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The access log's lines ({@link AccessLogFilter}) are written by one platform thread, not by the
 * request's: the request builds its event and queues it; the writer formats it and appends it to
 * the root logger's appenders (the console, a file when configured), so the line looks and goes
 * where it did. A request thread is virtual, and its console write was a blocking file write that
 * pinned its carrier and had the scheduler compensate with another one: the line cost 4.4 % of a
 * proxied request's CPU and 6 % of a chat list's (bench/README.md, "Framework CPU per request").
 *
 * <p>No line is dropped: the queue ({@value #QUEUE_SIZE} events) discards nothing, and a request
 * waits when it is full. At a normal shutdown the context closes after the web server has finished
 * its requests, and closing writes out every queued line (up to {@value #FLUSH_MILLIS} ms) before the
 * logging system stops. A {@code kill -9} loses the lines still queued, those of the last
 * milliseconds' requests, as it loses a synchronous writer's line in flight.
 */
@Component
class AsyncAccessLog implements DisposableBean {

	static final String LOGGER = "dev.parley.access";

	static final String APPENDER = "ACCESS_ASYNC";

	static final int QUEUE_SIZE = 8192;

	static final int FLUSH_MILLIS = 5000;

	private final @Nullable AsyncAppender writer;

	AsyncAccessLog() {
		this.writer = LoggerFactory.getILoggerFactory() instanceof LoggerContext context ? attach(context) : null;
	}

	/** Another context in this JVM (tests) may have attached it already; then that one owns it. */
	private static @Nullable AsyncAppender attach(LoggerContext context) {
		Logger access = context.getLogger(LOGGER);
		if (access.getAppender(APPENDER) != null) {
			return null;
		}
		RootAppenders root = new RootAppenders(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
		root.setContext(context);
		root.setName("ACCESS_TO_ROOT");
		root.start();
		AsyncAppender async = new AsyncAppender();
		async.setContext(context);
		async.setName(APPENDER);
		async.setQueueSize(QUEUE_SIZE);
		async.setDiscardingThreshold(0);
		async.setNeverBlock(false);
		async.setIncludeCallerData(false);
		async.setMaxFlushTime(FLUSH_MILLIS);
		async.addAppender(root);
		async.start();
		access.addAppender(async);
		access.setAdditive(false);
		return async;
	}

	/** Writes out what is queued, then lets the access logger write through the root's appenders again. */
	@Override
	public void destroy() {
		if (writer != null && writer.getContext() instanceof LoggerContext context) {
			Logger access = context.getLogger(LOGGER);
			access.setAdditive(true);
			access.detachAppender(writer);
			writer.stop();
		}
	}

	/**
	 * Hands each event to the root logger's appenders as they are now (the logging system may replace
	 * them), without owning them: stopping this appender stops none of theirs.
	 */
	private static final class RootAppenders extends UnsynchronizedAppenderBase<ILoggingEvent> {

		private final Logger root;

		RootAppenders(Logger root) {
			this.root = root;
		}

		@Override
		protected void append(ILoggingEvent event) {
			root.callAppenders(event);
		}
	}
}
