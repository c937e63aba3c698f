import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The harness's own load generator, for what wrk and hey cannot measure: Server-Sent Event streams.
 * One virtual thread per request, over a plain socket (default) or the JDK HttpClient. Per stream it records the time to the first token
 * event, the gaps between token events and whether the stream completed; it prints one JSON object
 * with p50/p90/p99/max.
 *
 * <p>Two modes: {@code --streams N} opens N streams at once (spread over {@code --ramp-ms}) and waits
 * for all of them; {@code --rate R --duration-s S} starts R requests per second for S seconds on a
 * fixed schedule (open loop: times count from the planned start, so a stalled server cannot hide
 * latency by slowing the generator down).
 *
 * <pre>
 * java bench/loadgen/SseLoad.java --url http://127.0.0.1:9100/v1/chat/completions \
 *   --body '{"model":"mock-c50-i20","stream":true}' --streams 1000 --expect-tokens 50
 * </pre>
 *
 * Options: --url U (may contain {chat}, replaced round-robin from --chats FILE), --body JSON or
 * --body-file F, --header 'Name: value' (repeatable), --token-event NAME (only events of that name
 * are tokens; default any), --token-match S (a token event's data contains S; default "content":"),
 * --token-skip S (but not S; default "content":"", the empty role chunk of OpenAI streams),
 * --done-match S (a line containing S marks a completed stream; default [DONE]), --expect-tokens K
 * (a completed stream has at least K tokens; default 1), --timeout-s T (per stream; default 120),
 * --warmup K (K requests first, not recorded), --client raw|jdk (raw: a plain socket per stream,
 * the default, because the JDK HttpClient costs several times more CPU per chunk on the load core;
 * jdk: java.net.http.HttpClient), --label L.
 */
public class SseLoad {

	record Result(boolean ok, String error, long ttftNanos, long totalNanos, long[] gaps, int tokens) {
	}

	public static void main(String[] args) throws Exception {
		Map<String, List<String>> opts = parse(args);
		String url = one(opts, "url", null);
		String body = opts.containsKey("body-file") ? Files.readString(Path.of(one(opts, "body-file", null)))
				: one(opts, "body", "{}");
		List<String> chats = opts.containsKey("chats")
				? Files.readAllLines(Path.of(one(opts, "chats", null))).stream().filter(s -> !s.isBlank()).toList()
				: List.of("");
		String tokenEvent = one(opts, "token-event", null);
		String tokenMatch = one(opts, "token-match", "\"content\":\"");
		String tokenSkip = one(opts, "token-skip", "\"content\":\"\"");
		String doneMatch = one(opts, "done-match", "[DONE]");
		int expectTokens = Integer.parseInt(one(opts, "expect-tokens", "1"));
		long timeoutS = Long.parseLong(one(opts, "timeout-s", "120"));
		int streams = Integer.parseInt(one(opts, "streams", "0"));
		double rate = Double.parseDouble(one(opts, "rate", "0"));
		double durationS = Double.parseDouble(one(opts, "duration-s", "0"));
		long rampMs = Long.parseLong(one(opts, "ramp-ms", "0"));
		List<String[]> headers = new ArrayList<>();
		for (String header : opts.getOrDefault("header", List.of())) {
			int colon = header.indexOf(':');
			headers.add(new String[] { header.substring(0, colon).trim(), header.substring(colon + 1).trim() });
		}
		int total = rate > 0 ? (int) Math.round(rate * durationS) : streams;
		if (url == null || total <= 0) {
			System.err.println("usage: java SseLoad.java --url U --body JSON (--streams N | --rate R --duration-s S)");
			System.exit(2);
		}

		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
		Probe probe = new Probe(tokenEvent, tokenMatch, tokenSkip, doneMatch, expectTokens,
				!one(opts, "client", "raw").equals("jdk"));
		Batch batch = new Batch(client, probe, url, body, chats, headers, timeoutS);
		int warmup = Integer.parseInt(one(opts, "warmup", "0"));
		if (warmup > 0) {
			// Warms this JVM's HttpClient and the connection path; not recorded.
			batch.run(warmup, 0, false, new ConcurrentLinkedQueue<>(), new AtomicInteger());
		}
		ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
		AtomicInteger peakOpen = new AtomicInteger();
		long intervalNanos = rate > 0 ? (long) (1e9 / rate) : (total > 1 ? rampMs * 1_000_000L / (total - 1) : 0);
		long start = System.nanoTime();
		batch.run(total, intervalNanos, rate > 0, results, peakOpen);
		double wallS = (System.nanoTime() - start) / 1e9;
		System.out.println(report(one(opts, "label", "sse"), results, total, wallS, peakOpen.get()));
		System.exit(0);
	}

	/** Starts requests on a schedule, one virtual thread each, and waits for them all. */
	record Batch(HttpClient client, Probe probe, String url, String body, List<String> chats, List<String[]> headers,
			long timeoutS) {

		void run(int total, long intervalNanos, boolean fromPlannedStart, ConcurrentLinkedQueue<Result> results,
				AtomicInteger peakOpen) throws InterruptedException {
			CountDownLatch finished = new CountDownLatch(total);
			AtomicInteger open = new AtomicInteger();
			long start = System.nanoTime();
			try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
				for (int i = 0; i < total; i++) {
					long planned = start + i * intervalNanos;
					long wait = planned - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
					String target = url.replace("{chat}", chats.get(i % chats.size()));
					HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
						.timeout(Duration.ofSeconds(timeoutS))
						.header("Content-Type", "application/json")
						.header("Accept", "text/event-stream")
						.POST(HttpRequest.BodyPublishers.ofString(body));
					headers.forEach(h -> request.header(h[0], h[1]));
					HttpRequest built = request.build();
					threads.execute(() -> {
						peakOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
						try {
							results.add(probe.run(client, built, body, fromPlannedStart ? planned : System.nanoTime()));
						}
						finally {
							open.decrementAndGet();
							finished.countDown();
						}
					});
				}
				finished.await(timeoutS + 30, TimeUnit.SECONDS);
			}
		}
	}

	/** Reads one stream and times its token events, over the JDK HttpClient or a plain socket. */
	record Probe(String tokenEvent, String tokenMatch, String tokenSkip, String doneMatch, int expectTokens,
			boolean raw) {

		Result run(HttpClient client, HttpRequest request, String body, long startNanos) {
			Lines lines = new Lines(this, startNanos);
			try {
				int status = raw ? RawSse.exchange(request, body, lines) : jdk(client, request, lines);
				if (status != 200) {
					return new Result(false, "http_" + status, -1, 0, new long[0], 0);
				}
			}
			catch (Exception ex) {
				return lines.result(ex.getClass().getSimpleName());
			}
			if (!lines.done) {
				return lines.result("no_done");
			}
			return lines.result(lines.tokens < expectTokens ? "too_few_tokens" : null);
		}

		private static int jdk(HttpClient client, HttpRequest request, Lines lines) throws Exception {
			HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				if (response.statusCode() != 200) {
					reader.transferTo(java.io.Writer.nullWriter());
					return response.statusCode();
				}
				String line;
				while ((line = reader.readLine()) != null) {
					lines.accept(line);
				}
			}
			return 200;
		}
	}

	/** The SSE lines of one stream: event names, token events and their timing, the done marker. */
	static final class Lines {

		private final Probe probe;

		private final long startNanos;

		private String event;

		private long first = -1;

		private long last = -1;

		private long[] gaps = new long[64];

		int tokens;

		boolean done;

		Lines(Probe probe, long startNanos) {
			this.probe = probe;
			this.startNanos = startNanos;
		}

		void accept(String line) {
			if (line.isEmpty()) {
				event = null;
				return;
			}
			if (line.startsWith("event:")) {
				event = line.substring(6).trim();
			}
			if (probe.doneMatch() != null && line.contains(probe.doneMatch())) {
				done = true;
			}
			if (line.startsWith("data:") && (probe.tokenEvent() == null || probe.tokenEvent().equals(event))
					&& line.contains(probe.tokenMatch())
					&& (probe.tokenSkip().isEmpty() || !line.contains(probe.tokenSkip()))) {
				long now = System.nanoTime();
				if (first < 0) {
					first = now;
				}
				else {
					if (tokens - 1 >= gaps.length) {
						gaps = Arrays.copyOf(gaps, gaps.length * 2);
					}
					gaps[tokens - 1] = now - last;
				}
				last = now;
				tokens++;
			}
		}

		Result result(String error) {
			long[] kept = Arrays.copyOf(gaps, Math.max(0, tokens - 1));
			return new Result(error == null, error, first < 0 ? -1 : first - startNanos, System.nanoTime() - startNanos,
					kept, tokens);
		}
	}

	/**
	 * A minimal HTTP/1.1 client for one SSE exchange over a blocking socket (cheap on virtual threads):
	 * one connection per stream, {@code Connection: close}, chunked or plain body cut into lines.
	 */
	static final class RawSse {

		static int exchange(HttpRequest request, String body, Lines lines) throws IOException {
			URI uri = request.uri();
			int port = uri.getPort() < 0 ? 80 : uri.getPort();
			byte[] payload = body.getBytes(StandardCharsets.UTF_8);
			StringBuilder head = new StringBuilder("POST ").append(uri.getRawPath())
				.append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
				.append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(':').append(port)
				.append("\r\nContent-Length: ").append(payload.length).append("\r\nConnection: close\r\n");
			request.headers().map().forEach((name, values) -> values
				.forEach(value -> head.append(name).append(": ").append(value).append("\r\n")));
			head.append("\r\n");
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(uri.getHost(), port), 10_000);
				socket.setTcpNoDelay(true);
				socket.setSoTimeout((int) request.timeout().orElse(Duration.ofSeconds(120)).toMillis());
				OutputStream out = socket.getOutputStream();
				out.write((head.toString()).getBytes(StandardCharsets.ISO_8859_1));
				out.write(payload);
				out.flush();
				InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
				String status = readLine(in);
				int code = Integer.parseInt(status.split(" ")[1]);
				boolean chunked = false;
				String header;
				while (!(header = readLine(in)).isEmpty()) {
					String lower = header.toLowerCase(java.util.Locale.ROOT);
					if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
						chunked = true;
					}
				}
				if (code != 200) {
					return code;
				}
				LineSplitter splitter = new LineSplitter(lines);
				if (!chunked) {
					byte[] buffer = new byte[8192];
					int n;
					while ((n = in.read(buffer)) > 0) {
						splitter.feed(buffer, n);
					}
					return 200;
				}
				byte[] buffer = new byte[8192];
				while (true) {
					String sizeLine = readLine(in);
					int semicolon = sizeLine.indexOf(';');
					int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
					if (size == 0) {
						return 200;
					}
					while (size > 0) {
						int n = in.read(buffer, 0, Math.min(buffer.length, size));
						if (n < 0) {
							throw new EOFException("stream ended inside a chunk");
						}
						splitter.feed(buffer, n);
						size -= n;
					}
					readLine(in);
				}
			}
		}

		private static String readLine(InputStream in) throws IOException {
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = in.read()) >= 0 && c != '\n') {
				if (c != '\r') {
					line.append((char) c);
				}
			}
			if (c < 0 && line.isEmpty()) {
				throw new EOFException("connection closed");
			}
			return line.toString();
		}
	}

	/** Cuts bytes into UTF-8 lines for {@link Lines}. */
	static final class LineSplitter {

		private final Lines lines;

		private byte[] pending = new byte[1024];

		private int length;

		LineSplitter(Lines lines) {
			this.lines = lines;
		}

		void feed(byte[] bytes, int n) {
			for (int i = 0; i < n; i++) {
				byte b = bytes[i];
				if (b == '\n') {
					int end = length > 0 && pending[length - 1] == '\r' ? length - 1 : length;
					lines.accept(new String(pending, 0, end, StandardCharsets.UTF_8));
					length = 0;
				}
				else {
					if (length == pending.length) {
						pending = Arrays.copyOf(pending, length * 2);
					}
					pending[length++] = b;
				}
			}
		}
	}

	static String report(String label, ConcurrentLinkedQueue<Result> results, int total, double wallS, int peakOpen) {
		Map<String, Integer> errors = new TreeMap<>();
		List<Long> ttft = new ArrayList<>();
		List<Long> totals = new ArrayList<>();
		LongAdder tokens = new LongAdder();
		int gapCount = results.stream().mapToInt(r -> r.gaps().length).sum();
		long[] gaps = new long[gapCount];
		int g = 0;
		int ok = 0;
		for (Result r : results) {
			if (r.ok()) {
				ok++;
				ttft.add(r.ttftNanos());
				totals.add(r.totalNanos());
			}
			else {
				errors.merge(r.error(), 1, Integer::sum);
			}
			tokens.add(r.tokens());
			System.arraycopy(r.gaps(), 0, gaps, g, r.gaps().length);
			g += r.gaps().length;
		}
		errors.merge("unfinished", total - results.size(), Integer::sum);
		errors.values().removeIf(v -> v == 0);
		StringBuilder json = new StringBuilder("{");
		json.append("\"label\":\"").append(label).append("\",\"requests\":").append(total)
			.append(",\"completed\":").append(ok)
			.append(",\"errors\":").append(total - ok)
			.append(",\"error_kinds\":{");
		String sep = "";
		for (var e : errors.entrySet()) {
			json.append(sep).append('"').append(e.getKey()).append("\":").append(e.getValue());
			sep = ",";
		}
		json.append("},\"wall_s\":").append(round(wallS))
			.append(",\"throughput_rps\":").append(round(ok / wallS))
			.append(",\"tokens\":").append(tokens.sum())
			.append(",\"peak_open\":").append(peakOpen)
			.append(",\"ttft_ms\":").append(percentiles(ttft.stream().mapToLong(Long::longValue).toArray()))
			.append(",\"gap_ms\":").append(percentiles(gaps))
			.append(",\"total_ms\":").append(percentiles(totals.stream().mapToLong(Long::longValue).toArray()))
			.append('}');
		return json.toString();
	}

	static String percentiles(long[] nanos) {
		if (nanos.length == 0) {
			return "null";
		}
		Arrays.sort(nanos);
		return "{\"n\":" + nanos.length + ",\"p50\":" + ms(at(nanos, 0.50)) + ",\"p90\":" + ms(at(nanos, 0.90))
				+ ",\"p99\":" + ms(at(nanos, 0.99)) + ",\"max\":" + ms(nanos[nanos.length - 1]) + "}";
	}

	static long at(long[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
	}

	static String ms(long nanos) {
		return String.valueOf(round(nanos / 1e6));
	}

	static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

	static String one(Map<String, List<String>> opts, String name, String fallback) {
		List<String> values = opts.get(name);
		return values == null ? fallback : values.getLast();
	}

	static Map<String, List<String>> parse(String[] args) {
		Map<String, List<String>> opts = new ConcurrentHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("expected --name value at " + args[i]);
			}
			opts.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
		}
		return opts;
	}
}
