import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * An even-rate, open-loop HTTP load generator over keep-alive connections, for the gateway's added
 * latency (bench/README.md, scenario 8).
 *
 * <p><b>Even rate</b>: request {@code i} is planned at {@code start + i / rate}, one at a time, so
 * 1000 requests/s is one request every millisecond, not (as with hey's 50 workers ticking together)
 * 50 requests every 50 ms, which measures how long a one-core server needs to drain a burst.
 * <b>Open loop</b>: a request is sent at its planned time whether or not earlier ones have been
 * answered, and its latency counts from the planned time, not from when it could be sent. A closed
 * loop (wrk, hey's workers) waits for an answer before the next request, so a server that stalls
 * for 100 ms is sent fewer requests meanwhile and the stall shows in a handful of samples instead of
 * in the hundred requests that should have arrived in it: coordinated omission. Here a stall shows
 * in every request planned during it, and the generator's own lateness (send time − planned time)
 * is reported as {@code send_lag}, so a saturated generator is visible instead of silently slowing
 * down.
 *
 * <p>Each request runs on a virtual thread and takes an idle connection from a pool (opening one,
 * up to {@code --connections}, when none is idle; past that it waits, and the wait counts in its
 * latency). HTTP/1.1 over a plain blocking socket: no client library's CPU on the load core.
 *
 * <pre>
 * java bench/loadgen/RateLoad.java --url http://127.0.0.1:9100/v1/chat/completions \
 *   --body '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}' --rate 1000 --duration-s 10
 * </pre>
 *
 * Options: --url U, --body JSON, --header 'Name: value' (repeatable), --rate R (requests/s),
 * --duration-s S, --warmup-s W (the same load first, not recorded), --stream (the response is SSE:
 * also time the first token event; a request is ok with HTTP 200, a token and the done marker),
 * --token-match S (default "content":"), --token-skip S (default "content":"", OpenAI's empty first
 * chunk), --done-match S (default [DONE]), --connections N (default 512), --timeout-s T (default 10),
 * --label L, --timeline FILE (each measured request as a line: its planned start in epoch
 * milliseconds, latency and TTFT in ms, ok or the error; to line latency up with a GC log). Prints one JSON line: requests, ok, errors and their kinds, rps, lat and ttft percentiles
 * (ms), send_lag percentiles (ms), connections opened during the measured run.
 */
public class RateLoad {

	record Options(URI uri, byte[] request, boolean stream, byte[] tokenMatch, byte[] tokenSkip, byte[] doneMatch,
			int connections, int timeoutMs) {
	}

	static final class Connection {

		final Socket socket;

		final InputStream in;

		final OutputStream out;

		Connection(Options o) throws IOException {
			socket = new Socket();
			socket.connect(new InetSocketAddress(o.uri().getHost(), port(o.uri())), o.timeoutMs());
			socket.setTcpNoDelay(true);
			socket.setSoTimeout(o.timeoutMs());
			in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
			out = socket.getOutputStream();
		}

		void close() {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// already gone
			}
		}
	}

	/** The keep-alive connections, kept from the warm-up into the measured run. */
	static final class Pool {

		final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

		final AtomicInteger opened = new AtomicInteger();

		final Semaphore permits;

		Pool(int connections) {
			permits = new Semaphore(connections);
		}
	}

	/** What one run measured, by request index. */
	static final class Run {

		final long[] latency;

		final long[] ttft;

		final long[] sendLag;

		final long[] planned;

		final boolean[] ok;

		final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

		final Pool pool;

		final int openedBefore;

		Run(int total, Pool pool) {
			latency = new long[total];
			ttft = new long[total];
			sendLag = new long[total];
			planned = new long[total];
			ok = new boolean[total];
			Arrays.fill(ttft, -1);
			this.pool = pool;
			openedBefore = pool.opened.get();
		}
	}

	public static void main(String[] args) throws Exception {
		Map<String, List<String>> opts = parse(args);
		URI uri = URI.create(one(opts, "url", null));
		String body = one(opts, "body", "{}");
		double rate = Double.parseDouble(one(opts, "rate", "0"));
		double durationS = Double.parseDouble(one(opts, "duration-s", "0"));
		double warmupS = Double.parseDouble(one(opts, "warmup-s", "0"));
		if (rate <= 0 || durationS <= 0) {
			System.err.println("usage: java RateLoad.java --url U --body JSON --rate R --duration-s S [--stream]");
			System.exit(2);
		}
		byte[] payload = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder("POST ").append(uri.getRawPath())
			.append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
			.append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(':').append(port(uri))
			.append("\r\nContent-Type: application/json\r\nContent-Length: ").append(payload.length).append("\r\n");
		for (String header : opts.getOrDefault("header", List.of())) {
			head.append(header.trim()).append("\r\n");
		}
		head.append("\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		byte[] request = Arrays.copyOf(headBytes, headBytes.length + payload.length);
		System.arraycopy(payload, 0, request, headBytes.length, payload.length);
		Options o = new Options(uri, request, opts.containsKey("stream"),
				bytes(one(opts, "token-match", "\"content\":\"")), bytes(one(opts, "token-skip", "\"content\":\"\"")),
				bytes(one(opts, "done-match", "[DONE]")), Integer.parseInt(one(opts, "connections", "512")),
				Integer.parseInt(one(opts, "timeout-s", "10")) * 1000);
		Pool pool = new Pool(o.connections());
		if (warmupS > 0) {
			// The same load, not recorded: this JVM's JIT and the connections are warm when it counts.
			run(o, pool, rate, warmupS);
		}
		int total = (int) Math.round(rate * durationS);
		long t0 = System.nanoTime();
		long epochMillisAtT0 = System.currentTimeMillis();
		Run run = run(o, pool, rate, durationS);
		pool.idle.forEach(Connection::close);
		String timeline = one(opts, "timeline", "");
		if (!timeline.isEmpty()) {
			writeTimeline(Path.of(timeline), run, t0, epochMillisAtT0);
		}
		double wallS = (System.nanoTime() - t0) / 1e9;
		System.out.println(report(one(opts, "label", "rateload"), o, run, total, rate, durationS, wallS));
		System.exit(0);
	}

	static void writeTimeline(Path file, Run run, long t0, long epochMillisAtT0) throws IOException {
		StringBuilder out = new StringBuilder("planned_epoch_ms latency_ms ttft_ms outcome\n");
		for (int i = 0; i < run.latency.length; i++) {
			double planned = epochMillisAtT0 + (run.planned[i] - t0) / 1e6;
			out.append(String.format(Locale.ROOT, "%.3f %.3f %.3f %s%n", planned, run.latency[i] / 1e6,
					run.ttft[i] < 0 ? -1.0 : run.ttft[i] / 1e6, run.ok[i] ? "ok" : "error"));
		}
		Files.writeString(file, out);
	}

	static Run run(Options o, Pool pool, double rate, double durationS) {
		int total = (int) Math.round(rate * durationS);
		Run run = new Run(total, pool);
		double intervalNanos = 1e9 / rate;
		long start = System.nanoTime() + 5_000_000;
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < total; i++) {
				long planned = start + (long) (i * intervalNanos);
				long wait;
				while ((wait = planned - System.nanoTime()) > 0) {
					LockSupport.parkNanos(wait);
				}
				int index = i;
				run.planned[index] = planned;
				threads.execute(() -> one(o, run, index, planned));
			}
		}
		return run;
	}

	static void one(Options o, Run run, int index, long planned) {
		Connection connection = null;
		boolean reusable = false;
		try {
			run.pool.permits.acquire();
			connection = run.pool.idle.pollFirst();
			if (connection == null) {
				connection = new Connection(o);
				run.pool.opened.incrementAndGet();
			}
			run.sendLag[index] = System.nanoTime() - planned;
			connection.out.write(o.request());
			connection.out.flush();
			Response response = Response.read(connection.in, o, planned);
			run.latency[index] = System.nanoTime() - planned;
			run.ttft[index] = response.firstToken < 0 ? -1 : response.firstToken - planned;
			reusable = response.keepAlive;
			String error = response.status != 200 ? "http_" + response.status
					: o.stream() && response.firstToken < 0 ? "no_token" : o.stream() && !response.done ? "no_done" : null;
			run.ok[index] = error == null;
			if (error != null) {
				run.errorKinds.computeIfAbsent(error, k -> new LongAdder()).increment();
			}
		}
		catch (Exception ex) {
			run.latency[index] = System.nanoTime() - planned;
			run.errorKinds.computeIfAbsent(ex.getClass().getSimpleName(), k -> new LongAdder()).increment();
		}
		finally {
			if (connection != null) {
				if (reusable) {
					run.pool.idle.addFirst(connection);
				}
				else {
					connection.close();
				}
			}
			run.pool.permits.release();
		}
	}

	/** One HTTP/1.1 response read to its end: status, whether the connection stays open, stream timing. */
	static final class Response {

		int status;

		boolean keepAlive = true;

		long firstToken = -1;

		boolean done;

		private final Options o;

		private final byte[] line = new byte[64 * 1024];

		private int lineLength;

		private Response(Options o) {
			this.o = o;
		}

		static Response read(InputStream in, Options o, long planned) throws IOException {
			Response r = new Response(o);
			String statusLine = headerLine(in);
			r.status = Integer.parseInt(statusLine.split(" ")[1]);
			long length = -1;
			boolean chunked = false;
			String header;
			while (!(header = headerLine(in)).isEmpty()) {
				String lower = header.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(lower.substring(15).trim());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					r.keepAlive = false;
				}
			}
			byte[] buffer = new byte[16 * 1024];
			if (chunked) {
				while (true) {
					String sizeLine = headerLine(in);
					int semicolon = sizeLine.indexOf(';');
					long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
					if (size == 0) {
						while (!headerLine(in).isEmpty()) {
							// trailers
						}
						return r;
					}
					r.body(in, buffer, size);
					headerLine(in);
				}
			}
			if (length >= 0) {
				r.body(in, buffer, length);
				return r;
			}
			r.keepAlive = false; // a body up to the end of the connection
			r.body(in, buffer, Long.MAX_VALUE);
			return r;
		}

		private void body(InputStream in, byte[] buffer, long size) throws IOException {
			while (size > 0) {
				int n = in.read(buffer, 0, (int) Math.min(buffer.length, size));
				if (n < 0) {
					if (size == Long.MAX_VALUE || size < 0) {
						return;
					}
					throw new EOFException("the connection closed inside a body");
				}
				if (o.stream() && status == 200) {
					lines(buffer, n);
				}
				size -= n;
			}
		}

		private void lines(byte[] buffer, int n) {
			for (int i = 0; i < n; i++) {
				byte b = buffer[i];
				if (b == '\n') {
					onLine();
					lineLength = 0;
				}
				else if (lineLength < line.length) {
					line[lineLength++] = b;
				}
			}
		}

		private void onLine() {
			if (lineLength < 5 || line[0] != 'd' || line[1] != 'a' || line[2] != 't' || line[3] != 'a' || line[4] != ':') {
				return;
			}
			if (firstToken < 0 && contains(o.tokenMatch()) && !contains(o.tokenSkip())) {
				firstToken = System.nanoTime();
			}
			if (contains(o.doneMatch())) {
				done = true;
			}
		}

		private boolean contains(byte[] needle) {
			outer: for (int i = 0; i + needle.length <= lineLength; i++) {
				for (int j = 0; j < needle.length; j++) {
					if (line[i + j] != needle[j]) {
						continue outer;
					}
				}
				return true;
			}
			return false;
		}

		private static String headerLine(InputStream in) throws IOException {
			StringBuilder s = new StringBuilder();
			int c;
			while ((c = in.read()) >= 0 && c != '\n') {
				if (c != '\r') {
					s.append((char) c);
				}
			}
			if (c < 0) {
				throw new EOFException("the connection closed before the response ended");
			}
			return s.toString();
		}
	}

	static String report(String label, Options o, Run run, int total, double rate, double durationS, double wallS) {
		List<Long> lat = new ArrayList<>(), ttft = new ArrayList<>();
		int ok = 0;
		for (int i = 0; i < total; i++) {
			if (run.ok[i]) {
				ok++;
				lat.add(run.latency[i]);
				if (run.ttft[i] >= 0) {
					ttft.add(run.ttft[i]);
				}
			}
		}
		long[] lag = run.sendLag.clone();
		Map<String, Long> kinds = new TreeMap<>();
		run.errorKinds.forEach((k, v) -> kinds.put(k, v.sum()));
		StringBuilder kindsJson = new StringBuilder("{");
		kinds.forEach((k, v) -> kindsJson.append(kindsJson.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
		kindsJson.append('}');
		return "{\"tool\":\"rateload\",\"label\":\"" + label + "\",\"stream\":" + o.stream() + ",\"rate\":" + rate
				+ ",\"duration_s\":" + durationS + ",\"wall_s\":" + round(wallS) + ",\"requests\":" + total + ",\"ok\":"
				+ ok + ",\"errors\":" + (total - ok) + ",\"error_kinds\":" + kindsJson + ",\"rps\":"
				+ round(ok / Math.max(durationS, 1e-9)) + ",\"connections\":" + (run.pool.opened.get() - run.openedBefore) + ",\"lat\":"
				+ percentiles(lat.stream().mapToLong(Long::longValue).toArray()) + ",\"ttft\":"
				+ (o.stream() ? percentiles(ttft.stream().mapToLong(Long::longValue).toArray()) : "null")
				+ ",\"send_lag\":" + percentiles(lag) + "}";
	}

	static String percentiles(long[] nanos) {
		if (nanos.length == 0) {
			return "{\"n\":0}";
		}
		Arrays.sort(nanos);
		return "{\"n\":" + nanos.length + ",\"p50\":" + ms(at(nanos, .5)) + ",\"p90\":" + ms(at(nanos, .9)) + ",\"p99\":"
				+ ms(at(nanos, .99)) + ",\"p999\":" + ms(at(nanos, .999)) + ",\"max\":" + ms(nanos[nanos.length - 1]) + "}";
	}

	static long at(long[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
	}

	static String ms(long nanos) {
		return String.valueOf(round(nanos / 1e6));
	}

	static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

	static int port(URI uri) {
		return uri.getPort() < 0 ? 80 : uri.getPort();
	}

	static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	static String one(Map<String, List<String>> opts, String name, String fallback) {
		List<String> values = opts.get(name);
		return values == null || values.isEmpty() ? fallback : values.get(values.size() - 1);
	}

	static Map<String, List<String>> parse(String[] args) {
		Map<String, List<String>> opts = new TreeMap<>();
		for (int i = 0; i < args.length; i++) {
			String name = args[i].replaceFirst("^--", "");
			boolean flag = name.equals("stream");
			opts.computeIfAbsent(name, k -> new ArrayList<>()).add(flag ? "true" : args[++i]);
		}
		return opts;
	}
}
