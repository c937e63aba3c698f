package dev.parley.bench.mock;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * One streamed reply: the headers and first chunk after the delay, then one chunk per interval, each
 * write scheduled on the channel's event loop against the stream's start time (so intervals do not
 * drift), then the closing events. Stops quietly when the client goes away.
 */
final class ReplyStream {

	private static final long TICK_NANOS = 1_000_000;

	private final ChannelHandlerContext ctx;

	private final boolean keepAlive;

	private final String model;

	private final LatencyMode mode;

	private final boolean anthropic;

	private final boolean includeUsage;

	private final byte[][] events;

	private long startNanos;

	private int next;

	ReplyStream(ChannelHandlerContext ctx, boolean keepAlive, String model, LatencyMode mode, boolean anthropic,
			boolean includeUsage) {
		this.ctx = ctx;
		this.keepAlive = keepAlive;
		this.model = model;
		this.mode = mode;
		this.anthropic = anthropic;
		this.includeUsage = includeUsage;
		this.events = StreamEvents.of(model, mode.chunks(), anthropic, includeUsage);
	}

	void start() {
		startNanos = System.nanoTime();
		if (mode.delayMs() == 0) {
			begin();
		}
		else {
			ctx.executor().schedule(this::begin, mode.delayMs(), TimeUnit.MILLISECONDS);
		}
	}

	private void begin() {
		if (!ctx.channel().isActive()) {
			return;
		}
		HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
			.set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
			.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
		HttpUtil.setKeepAlive(response, keepAlive);
		ctx.write(response);
		if (mode.intervalMs() == 0) {
			while (next < mode.chunks()) {
				write(events[next++]);
			}
			finish();
		}
		else {
			sendNext();
		}
	}

	private void sendNext() {
		if (!ctx.channel().isActive()) {
			return;
		}
		write(events[next++]);
		if (next == mode.chunks()) {
			finish();
			return;
		}
		ctx.flush();
		long due = startNanos + TimeUnit.MILLISECONDS.toNanos(mode.delayMs() + (long) next * mode.intervalMs());
		// Due times are rounded up to the next whole millisecond, so that the chunks of all streams due
		// within one millisecond go out in one wake-up of the event loop instead of one wake-up each.
		due = Math.ceilDiv(due, TICK_NANOS) * TICK_NANOS;
		ctx.executor().schedule(this::sendNext, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
	}

	private void finish() {
		write(events[mode.chunks()]);
		var last = ctx.writeAndFlush(new DefaultLastHttpContent());
		if (!keepAlive) {
			last.addListener(ChannelFutureListener.CLOSE);
		}
	}

	private void write(byte[] event) {
		ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(event)));
	}
}
