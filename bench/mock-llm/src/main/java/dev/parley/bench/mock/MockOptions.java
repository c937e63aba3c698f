package dev.parley.bench.mock;

/** Start-up flags of the mock: where it listens and its default latency mode. */
record MockOptions(String host, int port, int threads, LatencyMode defaults) {

	static MockOptions parse(String[] args) {
		String host = "127.0.0.1";
		int port = 9100;
		int threads = 1;
		int delayMs = 0;
		int chunks = 20;
		int intervalMs = 0;
		for (int i = 0; i < args.length; i++) {
			String flag = args[i];
			if (flag.equals("--help") || flag.equals("-h")) {
				System.out.println("flags: --host 127.0.0.1 --port 9100 --threads 1 --delay-ms 0 --chunks 20 "
						+ "--chunk-interval-ms 0\nper request: headers x-mock-delay-ms, x-mock-chunks, "
						+ "x-mock-chunk-interval-ms, or model name tokens d<ms>, c<chunks>, i<ms> (mock-d5-c50-i20)");
				System.exit(0);
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("missing value after " + flag);
			}
			String value = args[++i];
			switch (flag) {
				case "--host" -> host = value;
				case "--port" -> port = Integer.parseInt(value);
				case "--threads" -> threads = Integer.parseInt(value);
				case "--delay-ms" -> delayMs = Integer.parseInt(value);
				case "--chunks" -> chunks = Integer.parseInt(value);
				case "--chunk-interval-ms" -> intervalMs = Integer.parseInt(value);
				default -> throw new IllegalArgumentException("unknown flag " + flag + " (try --help)");
			}
		}
		return new MockOptions(host, port, threads, new LatencyMode(delayMs, chunks, intervalMs));
	}
}
