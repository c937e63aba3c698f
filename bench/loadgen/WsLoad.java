import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WebSocket broadcast scenario's load generator: opens N sockets of one user on {@code /ws},
 * subscribes each to one chat, then sends K messages into the chat from the first socket, one after
 * the other, each when every socket has its reply's {@code done}. Each frame of a reply reaches all N
 * sockets; per frame and socket it records the delivery time (arrival on that socket minus the first
 * arrival of the same frame on any socket: how much later the fan-out reached it), and per message
 * and socket the time from {@code chat.send} to the broadcast {@code message.created} of the user
 * message (end to end: the turn's first transaction, then the fan-out). Prints one JSON object.
 *
 * <pre>
 * java bench/loadgen/WsLoad.java --url ws://127.0.0.1:8100/ws --token T --chat CHAT_ID --sockets 1000 \
 *   --messages 5 --content 'word1 word2 ...'
 * </pre>
 */
public class WsLoad {

	private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

	private static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z_.]+)\"");

	public static void main(String[] args) throws Exception {
		Map<String, String> opts = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		String url = opts.get("url");
		String token = opts.get("token");
		String chat = opts.get("chat");
		int sockets = Integer.parseInt(opts.getOrDefault("sockets", "1000"));
		int messages = Integer.parseInt(opts.getOrDefault("messages", "5"));
		String content = opts.getOrDefault("content", "hello everyone");
		long timeoutS = Long.parseLong(opts.getOrDefault("timeout-s", "60"));

		HttpClient http = HttpClient.newHttpClient();
		List<Client> clients = new ArrayList<>();
		AtomicInteger openErrors = new AtomicInteger();
		CountDownLatch subscribed = new CountDownLatch(sockets);
		List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
		for (int i = 0; i < sockets; i++) {
			Client client = new Client(subscribed);
			clients.add(client);
			opening.add(http.newWebSocketBuilder()
				.header("Authorization", "Bearer " + token)
				.connectTimeout(Duration.ofSeconds(30))
				.buildAsync(URI.create(url), client)
				.whenComplete((socket, error) -> {
					if (error != null) {
						openErrors.incrementAndGet();
						subscribed.countDown();
					}
					else {
						socket.sendText("{\"type\":\"subscribe\",\"chat_id\":\"" + chat + "\"}", true);
					}
				}));
			if (i % 50 == 49) {
				Thread.sleep(20); // spread the upgrades a little
			}
		}
		if (!subscribed.await(timeoutS, TimeUnit.SECONDS)) {
			System.err.println("not every socket subscribed in time");
		}
		List<Client> live = clients.stream().filter(c -> c.subscribedOk).toList();
		Client sender = live.isEmpty() ? null : live.getFirst();

		List<Long> delivery = new ArrayList<>();
		List<Long> created = new ArrayList<>();
		long frames = 0, lost = 0, timedOut = 0;
		long started = System.nanoTime();
		for (int k = 0; sender != null && k < messages; k++) {
			live.forEach(Client::reset);
			long t0 = System.nanoTime();
			sender.socket.sendText("{\"type\":\"chat.send\",\"chat_id\":\"" + chat + "\",\"content\":\"" + content + "\"}",
					true);
			long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutS);
			for (Client client : live) {
				if (!client.done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
					timedOut++;
				}
			}
			// Per frame (its seq), the first arrival on any socket.
			Map<Long, Long> first = new HashMap<>();
			for (Client client : live) {
				client.arrivals.forEach((seq, at) -> first.merge(seq, at, Math::min));
			}
			for (Client client : live) {
				client.arrivals.forEach((seq, at) -> delivery.add(at - first.get(seq)));
				lost += first.size() - client.arrivals.size();
				if (client.userCreatedAt > 0) {
					created.add(client.userCreatedAt - t0);
				}
			}
			frames += (long) first.size() * live.size();
		}
		double wallS = (System.nanoTime() - started) / 1e9;
		int closed = (int) clients.stream().filter(c -> c.closed).count();
		long errors = (sockets - live.size()) + lost + timedOut + closed;
		System.out.println("{\"tool\":\"wsload\",\"sockets\":" + sockets + ",\"subscribed\":" + live.size()
				+ ",\"messages\":" + messages + ",\"frames_delivered\":" + (frames - lost) + ",\"frames_expected\":" + frames
				+ ",\"lost\":" + lost + ",\"timed_out\":" + timedOut + ",\"closed\":" + closed + ",\"open_errors\":"
				+ openErrors.get() + ",\"errors\":" + errors + ",\"frames_per_s\":" + Math.round((frames - lost) / wallS)
				+ ",\"delivery_ms\":" + stats(delivery) + ",\"created_ms\":" + stats(created) + "}");
		clients.forEach(c -> {
			if (c.socket != null) {
				c.socket.abort();
			}
		});
		System.exit(0);
	}

	private static String stats(List<Long> nanos) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		return "{\"n\":" + sorted.length + ",\"p50\":" + pct(sorted, .5) + ",\"p90\":" + pct(sorted, .9) + ",\"p99\":"
				+ pct(sorted, .99) + ",\"max\":" + pct(sorted, 1) + "}";
	}

	private static String pct(long[] sorted, double q) {
		if (sorted.length == 0) {
			return "null";
		}
		int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
		return String.format(java.util.Locale.ROOT, "%.3f", sorted[i] / 1e6);
	}

	/** One socket: when each frame of the current reply arrived, and whether its done came. */
	static final class Client implements WebSocket.Listener {

		private final CountDownLatch subscribed;

		private final StringBuilder partial = new StringBuilder();

		volatile WebSocket socket;

		volatile boolean subscribedOk;

		volatile boolean closed;

		volatile Map<Long, Long> arrivals = new ConcurrentHashMap<>();

		volatile long userCreatedAt;

		volatile CountDownLatch done = new CountDownLatch(1);

		Client(CountDownLatch subscribed) {
			this.subscribed = subscribed;
		}

		void reset() {
			arrivals = new ConcurrentHashMap<>();
			userCreatedAt = 0;
			done = new CountDownLatch(1);
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			socket = webSocket;
			webSocket.request(Long.MAX_VALUE);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			long now = System.nanoTime();
			partial.append(data);
			if (!last) {
				return null;
			}
			String frame = partial.toString();
			partial.setLength(0);
			Matcher type = TYPE.matcher(frame);
			String kind = type.find() ? type.group(1) : "";
			switch (kind) {
				case "session.started" -> {
					subscribedOk = true;
					subscribed.countDown();
				}
				case "message.created" -> {
					if (frame.contains("\"role\":\"user\"")) {
						userCreatedAt = now;
					}
				}
				case "delta", "done", "error" -> {
					Matcher seq = SEQ.matcher(frame);
					if (seq.find()) {
						arrivals.put(Long.parseLong(seq.group(1)), now);
					}
					if (!kind.equals("delta")) {
						done.countDown();
					}
				}
				default -> {
				}
			}
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closed = true;
			done.countDown();
			if (!subscribedOk) {
				subscribed.countDown();
			}
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closed = true;
			done.countDown();
			if (!subscribedOk) {
				subscribed.countDown();
			}
		}
	}
}
