package dev.parley.bench.mock;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;

/**
 * A mock LLM provider for the benchmarks: OpenAI {@code POST /v1/chat/completions} and Anthropic
 * {@code POST /v1/messages}, answered with fixed bodies after a configurable delay, or streamed as
 * Server-Sent Events in N chunks at an interval. Everything runs on Netty event loops; delays and
 * chunks are scheduled, nothing blocks, so the mock is never the bottleneck of a measurement.
 *
 * <pre>
 * java -jar mock-llm.jar --port 9100 --delay-ms 0 --chunks 20 --chunk-interval-ms 0 --threads 1
 * </pre>
 */
public final class MockLlmServer {

	private MockLlmServer() {
	}

	public static void main(String[] args) throws InterruptedException {
		MockOptions options = MockOptions.parse(args);
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(options.threads(), NioIoHandler.newFactory());
		try {
			ServerBootstrap bootstrap = new ServerBootstrap().group(group)
				.channel(NioServerSocketChannel.class)
				.option(ChannelOption.SO_BACKLOG, 4096)
				.childOption(ChannelOption.TCP_NODELAY, true)
				.childHandler(new ChannelInitializer<SocketChannel>() {
					@Override
					protected void initChannel(SocketChannel channel) {
						channel.pipeline()
							.addLast(new HttpServerCodec())
							.addLast(new HttpServerKeepAliveHandler())
							.addLast(new HttpServerExpectContinueHandler())
							.addLast(new HttpObjectAggregator(1 << 20))
							.addLast(new MockHandler(options.defaults()));
					}
				});
			Channel server = bootstrap.bind(options.host(), options.port()).sync().channel();
			System.out.printf("mock-llm listening on %s:%d (%s, %d event loop(s), OpenAI body %d bytes)%n",
					options.host(), options.port(), options.defaults(), options.threads(),
					Bodies.openAiCompletion("gpt-4o-mini", options.defaults()).length);
			server.closeFuture().sync();
		}
		finally {
			group.shutdownGracefully();
		}
	}
}
