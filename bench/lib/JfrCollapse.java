import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording's CPU samples as collapsed stacks (root first, {@code ;}-separated, a count per
 * line), the input of {@code profile_layers.py}. Takes {@code jdk.CPUTimeSample} when the recording
 * has it, else {@code jdk.ExecutionSample}. Frames are {@code package/Class.method}, as
 * async-profiler names them. Usage: {@code java bench/lib/JfrCollapse.java rec.jfr > rec.collapsed}
 */
public class JfrCollapse {

	public static void main(String[] args) throws Exception {
		List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
		boolean cpuTime = events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.CPUTimeSample"));
		String wanted = cpuTime ? "jdk.CPUTimeSample" : "jdk.ExecutionSample";
		Map<String, Integer> stacks = new TreeMap<>();
		for (RecordedEvent event : events) {
			if (!event.getEventType().getName().equals(wanted) || event.getStackTrace() == null) {
				continue;
			}
			List<String> frames = new ArrayList<>();
			for (RecordedFrame frame : event.getStackTrace().getFrames()) {
				frames.add(frame.getMethod().getType().getName().replace('.', '/') + "." + frame.getMethod().getName());
			}
			Collections.reverse(frames);
			stacks.merge(String.join(";", frames), 1, Integer::sum);
		}
		System.err.println(wanted + ": " + stacks.values().stream().mapToInt(Integer::intValue).sum() + " samples");
		stacks.forEach((stack, count) -> System.out.println(stack + " " + count));
	}
}
