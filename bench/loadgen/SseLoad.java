import java.io.BufferedReader;
import java.io.InputStream;
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
 * JDK HttpClient, one virtual thread per request. Per stream it records the time to the first token
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
 * --warmup K (K requests first, not recorded), --label L.
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
		Probe probe = new Probe(tokenEvent, tokenMatch, tokenSkip, doneMatch, expectTokens);
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
							results.add(probe.run(client, built, fromPlannedStart ? planned : System.nanoTime()));
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

	/** Reads one stream and times its token events. */
	record Probe(String tokenEvent, String tokenMatch, String tokenSkip, String doneMatch, int expectTokens) {

		Result run(HttpClient client, HttpRequest request, long startNanos) {
			long first = -1;
			long last = -1;
			long[] gaps = new long[64];
			int tokens = 0;
			boolean done = false;
			try {
				HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
				try (BufferedReader reader = new BufferedReader(
						new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
					if (response.statusCode() != 200) {
						reader.transferTo(java.io.Writer.nullWriter());
						return new Result(false, "http_" + response.statusCode(), -1, 0, new long[0], 0);
					}
					String event = null;
					String line;
					while ((line = reader.readLine()) != null) {
						if (line.isEmpty()) {
							event = null;
							continue;
						}
						if (line.startsWith("event:")) {
							event = line.substring(6).trim();
						}
						if (doneMatch != null && line.contains(doneMatch)) {
							done = true;
						}
						if (line.startsWith("data:") && (tokenEvent == null || tokenEvent.equals(event))
								&& line.contains(tokenMatch) && (tokenSkip.isEmpty() || !line.contains(tokenSkip))) {
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
				}
			}
			catch (Exception ex) {
				return new Result(false, ex.getClass().getSimpleName(), first < 0 ? -1 : first - startNanos,
						System.nanoTime() - startNanos, Arrays.copyOf(gaps, Math.max(0, tokens - 1)), tokens);
			}
			long totalNanos = System.nanoTime() - startNanos;
			long[] kept = Arrays.copyOf(gaps, Math.max(0, tokens - 1));
			if (!done) {
				return new Result(false, "no_done", first < 0 ? -1 : first - startNanos, totalNanos, kept, tokens);
			}
			if (tokens < expectTokens) {
				return new Result(false, "too_few_tokens", first < 0 ? -1 : first - startNanos, totalNanos, kept, tokens);
			}
			return new Result(true, null, first - startNanos, totalNanos, kept, tokens);
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
