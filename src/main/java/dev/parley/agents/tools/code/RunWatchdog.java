package dev.parley.agents.tools.code;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.management.ThreadMXBean;
import org.graalvm.polyglot.Context;
import org.jspecify.annotations.Nullable;

/**
 * Stops sandboxed runs past their bounds: every {@value #WATCH_MILLIS} ms it reads each run's
 * thread's CPU time and allocated bytes ({@link ThreadMXBean}) and the wall clock, and cancels the
 * run's context past a bound. Allocation is total allocation, garbage included, and may overshoot by
 * what a thread allocates in one interval. It starts watching with {@link #start()}, which the
 * sandbox calls when it creates its engine.
 */
final class RunWatchdog {

	/** How often the watchdog looks at the runs. */
	static final long WATCH_MILLIS = 10;

	private final CodeProperties limits;

	private final ScheduledExecutorService scheduler;

	private final Set<Watch> running = ConcurrentHashMap.newKeySet();

	private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	RunWatchdog(CodeProperties limits) {
		this.limits = limits;
		threads.setThreadCpuTimeEnabled(true);
		threads.setThreadAllocatedMemoryEnabled(true);
		this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "run-code-watchdog");
			thread.setDaemon(true);
			return thread;
		});
	}

	void start() {
		scheduler.scheduleWithFixedDelay(this::check, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
	}

	/**
	 * Watches the run of {@code context} on the current thread from now on.
	 * @param wallEnd the {@link System#nanoTime()} it must end by
	 * @param deadlineFirst whether that end is the run's deadline rather than the wall-time bound
	 */
	Watch watch(Context context, long wallEnd, boolean deadlineFirst) {
		long thread = Thread.currentThread().threadId();
		Watch watch = new Watch(thread, context, threads.getThreadCpuTime(thread), threads.getThreadAllocatedBytes(thread),
				wallEnd, deadlineFirst);
		running.add(watch);
		return watch;
	}

	void forget(Watch watch) {
		running.remove(watch);
	}

	/** Stops watching and cancels every run still going. */
	void shutdown() {
		scheduler.shutdownNow();
		running.forEach(watch -> JavaScriptSandbox.close(watch.context));
	}

	/** Runs on the watchdog's thread: stops every run past one of its bounds. */
	private void check() {
		for (Watch watch : running) {
			String reason = null;
			if (threads.getThreadCpuTime(watch.thread) - watch.cpuStart > limits.cpuTime().toNanos()) {
				reason = "stopped: it used more than " + limits.cpuTime().toMillis() + " ms of CPU time";
			}
			else if (threads.getThreadAllocatedBytes(watch.thread) - watch.allocatedStart > limits.allocation()
				.toBytes()) {
				reason = "stopped: it allocated more than " + limits.allocation().toMegabytes() + " MB";
			}
			else if (System.nanoTime() - watch.wallEnd > 0) {
				reason = watch.deadlineFirst ? "stopped: it ran past the run's deadline"
						: "stopped: it ran longer than " + limits.wallTime().toMillis() + " ms";
			}
			if (reason != null && watch.stop(reason)) {
				JavaScriptSandbox.close(watch.context);
			}
		}
	}

	/** One run being watched: where it started and the first bound it crossed. */
	static final class Watch {

		private final long thread;

		private final Context context;

		private final long cpuStart;

		private final long allocatedStart;

		private final long wallEnd;

		private final boolean deadlineFirst;

		private final AtomicReference<@Nullable String> reason = new AtomicReference<>();

		private Watch(long thread, Context context, long cpuStart, long allocatedStart, long wallEnd,
				boolean deadlineFirst) {
			this.thread = thread;
			this.context = context;
			this.cpuStart = cpuStart;
			this.allocatedStart = allocatedStart;
			this.wallEnd = wallEnd;
			this.deadlineFirst = deadlineFirst;
		}

		private boolean stop(String why) {
			return reason.compareAndSet(null, why);
		}

		/** The first bound the run crossed; {@code null} while it crossed none. */
		@Nullable String reason() {
			return reason.get();
		}
	}
}
