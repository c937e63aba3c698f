package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class AsyncAccessLogTests {

	final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	final Logger access = context.getLogger(AsyncAccessLog.LOGGER);

	final ListAppender<ILoggingEvent> written = new ListAppender<>();

	Level previousLevel;

	@BeforeEach
	void captureTheRootsLines() {
		written.setContext(context);
		written.start();
		root.addAppender(written);
		previousLevel = access.getLevel();
		access.setLevel(Level.INFO);
	}

	@AfterEach
	void restore() {
		root.detachAppender(written);
		access.setLevel(previousLevel);
	}

	@Test
	void writesEachLineToTheRootsAppendersFromAnotherThreadWithTheRequestsThreadAndIds() throws Exception {
		AsyncAccessLog log = new AsyncAccessLog();
		try {
			Thread.ofVirtual().name("request-7").start(() -> {
				MDC.put(RequestIdFilter.MDC_KEY, "quote-me-4711");
				LoggerFactory.getLogger(AsyncAccessLog.LOGGER).atInfo().addKeyValue("status", 200).log("GET /x 200");
			}).join();
		}
		finally {
			log.destroy();
		}
		assertThat(written.list).singleElement().satisfies(event -> {
			assertThat(event.getFormattedMessage()).isEqualTo("GET /x 200");
			assertThat(event.getThreadName()).isEqualTo("request-7");
			assertThat(event.getMDCPropertyMap()).containsEntry(RequestIdFilter.MDC_KEY, "quote-me-4711");
			assertThat(event.getKeyValuePairs()).singleElement().satisfies(pair -> assertThat(pair.key).isEqualTo("status"));
		});
	}

	@Test
	void closingWritesOutEveryQueuedLineFirst() {
		AsyncAccessLog log = new AsyncAccessLog();
		int lines = 3 * AsyncAccessLog.QUEUE_SIZE;
		IntStream.range(0, lines).forEach(i -> LoggerFactory.getLogger(AsyncAccessLog.LOGGER).info("line {}", i));
		log.destroy();
		assertThat(written.list).hasSize(lines);
		assertThat(written.list.get(lines - 1).getFormattedMessage()).isEqualTo("line " + (lines - 1));
	}

	@Test
	void writesThroughTheRootAgainOnceClosed() {
		new AsyncAccessLog().destroy();
		LoggerFactory.getLogger(AsyncAccessLog.LOGGER).info("after");
		assertThat(written.list).extracting(ILoggingEvent::getThreadName).containsExactly(Thread.currentThread().getName());
	}

	@Test
	void aSecondInstanceLeavesTheFirstOneWritingAndWritesNothingTwice() {
		AsyncAccessLog first = new AsyncAccessLog();
		AsyncAccessLog second = new AsyncAccessLog();
		LoggerFactory.getLogger(AsyncAccessLog.LOGGER).info("once");
		second.destroy();
		LoggerFactory.getLogger(AsyncAccessLog.LOGGER).info("still queued");
		assertThat(access.getAppender(AsyncAccessLog.APPENDER)).isNotNull();
		first.destroy();
		assertThat(written.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("once", "still queued");
		assertThat(access.isAdditive()).isTrue();
	}
}
