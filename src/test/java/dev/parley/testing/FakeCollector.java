package dev.parley.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * An OpenTelemetry collector over real HTTP on a random local port: it takes OTLP/HTTP protobuf
 * exports at {@code POST /v1/traces}, answers 200, and keeps every span it received, decoded, with
 * the resource it came from and the headers it came with.
 */
public final class FakeCollector implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();

	private FakeCollector() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(executor);
		server.createContext("/v1/traces", this::export);
		server.start();
	}

	public static FakeCollector start() {
		try {
			return new FakeCollector();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The OTLP/HTTP traces endpoint to export to. */
	public String endpoint() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
	}

	public List<ReceivedSpan> spans() {
		return List.copyOf(spans);
	}

	/** The headers of each export request. */
	public List<Map<String, List<String>>> headers() {
		return List.copyOf(headers);
	}

	public void reset() {
		spans.clear();
		headers.clear();
	}

	private void export(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			headers.add(Map.copyOf(exchange.getRequestHeaders()));
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
			for (ResourceSpans resource : request.getResourceSpansList()) {
				Map<String, String> resourceAttributes = attributes(resource.getResource().getAttributesList());
				for (ScopeSpans scope : resource.getScopeSpansList()) {
					for (Span span : scope.getSpansList()) {
						spans.add(new ReceivedSpan(span.getName(), span.getKind(), hex(span.getTraceId().toByteArray()),
								hex(span.getSpanId().toByteArray()), hex(span.getParentSpanId().toByteArray()),
								attributes(span.getAttributesList()), span.getStatus().getCode(), resourceAttributes,
								span.toString()));
					}
				}
			}
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, 0);
			exchange.getResponseBody().write(new byte[0]);
		}
	}

	private static Map<String, String> attributes(List<KeyValue> keyValues) {
		Map<String, String> attributes = new LinkedHashMap<>();
		for (KeyValue keyValue : keyValues) {
			attributes.put(keyValue.getKey(), text(keyValue.getValue()));
		}
		return attributes;
	}

	private static String text(AnyValue value) {
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case INT_VALUE -> Long.toString(value.getIntValue());
			case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
			case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
			default -> value.toString();
		};
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	/**
	 * A span as the collector decoded it.
	 * @param parentSpanId empty for a root span
	 * @param raw everything the span holds (events included), to search for what must not be there
	 */
	public record ReceivedSpan(String name, Span.SpanKind kind, String traceId, String spanId, String parentSpanId,
			Map<String, String> attributes, Status.StatusCode status, Map<String, String> resource, String raw) {
	}
}
