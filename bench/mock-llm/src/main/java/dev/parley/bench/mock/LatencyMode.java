package dev.parley.bench.mock;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * How a reply is timed: the delay before the first byte (the whole body, or the first chunk when
 * streamed), the number of chunks of a streamed reply and the interval between them. Start-up flags
 * set the defaults; a request overrides them with headers ({@code x-mock-delay-ms},
 * {@code x-mock-chunks}, {@code x-mock-chunk-interval-ms}) or, for callers that cannot set headers
 * (a gateway in front of the mock), with tokens in the model name: {@code mock-d5-c50-i20} is a
 * 5 ms delay and 50 chunks 20 ms apart.
 */
record LatencyMode(int delayMs, int chunks, int intervalMs) {

	private static final Pattern MODEL_TOKEN = Pattern.compile("(?:^|[-_/])([dci])(\\d{1,6})(?=$|[-_])");

	LatencyMode {
		chunks = Math.max(1, chunks);
		delayMs = Math.max(0, delayMs);
		intervalMs = Math.max(0, intervalMs);
	}

	LatencyMode forRequest(String model, HttpHeaders headers) {
		int delay = delayMs;
		int count = chunks;
		int interval = intervalMs;
		if (model != null) {
			Matcher tokens = MODEL_TOKEN.matcher(model);
			while (tokens.find()) {
				int value = Integer.parseInt(tokens.group(2));
				switch (tokens.group(1)) {
					case "d" -> delay = value;
					case "c" -> count = value;
					default -> interval = value;
				}
			}
		}
		delay = headers.getInt("x-mock-delay-ms", delay);
		count = headers.getInt("x-mock-chunks", count);
		interval = headers.getInt("x-mock-chunk-interval-ms", interval);
		return new LatencyMode(delay, count, interval);
	}

	@Override
	public String toString() {
		return "delay " + delayMs + " ms, " + chunks + " chunks " + intervalMs + " ms apart";
	}
}
