package dev.parley.bench.mock;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/** Routes a request to the OpenAI or Anthropic reply, whole or streamed, in the request's latency mode. */
final class MockHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

	private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]{0,200})\"");

	private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");

	private static final Pattern INCLUDE_USAGE = Pattern.compile("\"include_usage\"\\s*:\\s*true");

	private final LatencyMode defaults;

	MockHandler(LatencyMode defaults) {
		this.defaults = defaults;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
		String path = request.uri();
		int query = path.indexOf('?');
		if (query >= 0) {
			path = path.substring(0, query);
		}
		boolean keepAlive = HttpUtil.isKeepAlive(request);
		if (request.method() == HttpMethod.GET && (path.equals("/health") || path.equals("/v1/models"))) {
			respond(ctx, keepAlive, HttpResponseStatus.OK, path.equals("/health") ? "{\"status\":\"UP\"}"
					: "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"owned_by\":\"mock\"}]}");
			return;
		}
		// By suffix: clients differ on whether their base URL ends with /v1.
		boolean openAi = path.endsWith("/chat/completions");
		boolean anthropic = path.endsWith("/messages");
		if (request.method() != HttpMethod.POST || !(openAi || anthropic)) {
			respond(ctx, keepAlive, HttpResponseStatus.NOT_FOUND,
					"{\"error\":{\"message\":\"no route " + request.method() + " " + path.replace("\"", "") + "\"}}");
			return;
		}
		String body = request.content().toString(StandardCharsets.UTF_8);
		String model = model(body);
		LatencyMode mode = defaults.forRequest(model, request.headers());
		if (STREAM.matcher(body).find()) {
			new ReplyStream(ctx, keepAlive, model, mode, anthropic, INCLUDE_USAGE.matcher(body).find()).start();
			return;
		}
		byte[] reply = anthropic ? Bodies.anthropicMessage(model) : Bodies.openAiCompletion(model, mode);
		if (mode.delayMs() == 0) {
			respond(ctx, keepAlive, HttpResponseStatus.OK, reply);
		}
		else {
			ctx.executor().schedule(() -> respond(ctx, keepAlive, HttpResponseStatus.OK, reply), mode.delayMs(),
					TimeUnit.MILLISECONDS);
		}
	}

	private static String model(String body) {
		Matcher matcher = MODEL.matcher(body);
		if (!matcher.find()) {
			return "mock";
		}
		// Only characters that need no JSON escaping go back out in the body.
		return matcher.group(1).replaceAll("[^A-Za-z0-9._:/-]", "");
	}

	private static void respond(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String body) {
		respond(ctx, keepAlive, status, body.getBytes(StandardCharsets.UTF_8));
	}

	private static void respond(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, byte[] body) {
		if (!ctx.channel().isActive()) {
			return;
		}
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
				Unpooled.wrappedBuffer(body));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
		HttpUtil.setKeepAlive(response, keepAlive);
		ctx.writeAndFlush(response);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		ctx.close();
	}
}
