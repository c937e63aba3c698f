import java.nio.file.*;
import java.time.Instant;
import java.util.*;
import jdk.jfr.consumer.*;
/**
 * The slow requests of a RateLoad timeline (--timeline) against what the JVM did meanwhile, from a JFR
 * recording of the same minutes: compilations of 1 ms or more, VM operations of 0.5 ms or more, GC, and
 * samples by thread; then each cluster of slow requests with the events that overlap it. Usage:
 * java bench/lib/JfrTail.java rec.jfr timeline.txt SLOW_MS (bench/README.md, "Framework CPU per request")
 */
public class JfrTail {
  public static void main(String[] a) throws Exception {
    List<double[]> reqs = new ArrayList<>();
    for (String l : Files.readAllLines(Path.of(a[1])).subList(1, Files.readAllLines(Path.of(a[1])).size())) {
      String[] f = l.split(" "); reqs.add(new double[] { Double.parseDouble(f[0]), Double.parseDouble(f[1]) }); }
    double slowMs = Double.parseDouble(a[2]);
    double t0 = reqs.get(0)[0], t1 = reqs.get(reqs.size() - 1)[0];
    List<double[]> slow = reqs.stream().filter(r -> r[1] >= slowMs).toList();
    // intervals of "busy elsewhere": [start,end,kind]
    List<Object[]> iv = new ArrayList<>(); Map<String, Integer> samplesByThread = new TreeMap<>();
    Map<String, Integer> slowSamplesByThread = new TreeMap<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a[0]))) {
      double s = e.getStartTime().toEpochMilli() + e.getStartTime().getNano() % 1_000_000 / 1e6;
      double d = e.getDuration().toNanos() / 1e6;
      if (s + d < t0 - 100 || s > t1 + 100) continue;
      String n = e.getEventType().getName();
      switch (n) {
        case "jdk.Compilation" -> { if (d >= 1) iv.add(new Object[] { s, s + d, "compile " + e.getString("compiler") + " " + ((RecordedMethod) e.getValue("method")).getType().getName() + "." + ((RecordedMethod) e.getValue("method")).getName() }); }
        case "jdk.ExecuteVMOperation" -> { if (d >= 0.5) iv.add(new Object[] { s, s + d, "vmop " + e.getString("operation") }); }
        case "jdk.GarbageCollection" -> iv.add(new Object[] { s, s + d, "gc " + e.getString("name") });
        case "jdk.SafepointBegin" -> {}
        case "jdk.ExecutionSample", "jdk.NativeMethodSample" -> {
          RecordedThread th = e.getThread("sampledThread"); String tn = th == null ? "?" : (th.isVirtual() ? "virtual" : th.getJavaName());
          if (tn != null) tn = tn.replaceAll("\\d+", "#");
          samplesByThread.merge(n.substring(4, 8) + " " + tn, 1, Integer::sum);
          final double ts = s; final String tname = tn;
          if (slow.stream().anyMatch(r -> ts >= r[0] && ts <= r[0] + r[1])) slowSamplesByThread.merge(n.substring(4, 8) + " " + tname, 1, Integer::sum);
        }
        default -> {}
      }
    }
    System.out.printf("requests %d, slow (>= %.1f ms) %d%n", reqs.size(), slowMs, slow.size());
    Map<String, Integer> kinds = new TreeMap<>(); int explained = 0;
    for (double[] r : slow) { boolean hit = false;
      for (Object[] x : iv) { double s = (double) x[0], e = (double) x[1];
        if (s <= r[0] + r[1] && e >= r[0]) { String k = ((String) x[2]).split(" ")[0] + " " + (((String) x[2]).startsWith("compile") ? ((String) x[2]).split(" ")[1] : ((String) x[2]).split(" ", 2)[1]);
          kinds.merge(k, 1, Integer::sum); hit = true; } }
      if (hit) explained++; }
    System.out.printf("slow requests overlapping a compilation >= 1 ms / VM operation >= 0.5 ms / GC: %d (%.0f %%)%n", explained, 100.0 * explained / Math.max(1, slow.size()));
    kinds.forEach((k, v) -> System.out.println("  " + v + " " + k));
    double total = 0; Map<String, Double> byKind = new TreeMap<>();
    for (Object[] x : iv) { double d = (double) x[1] - (double) x[0]; String k = ((String) x[2]).split(" ")[0] + (((String) x[2]).startsWith("compile") ? " " + ((String) x[2]).split(" ")[1] : ""); byKind.merge(k, d, Double::sum); }
    System.out.println("time in the run: " + byKind);
    System.out.println("samples by thread (all / during slow requests): ");
    samplesByThread.forEach((k, v) -> System.out.println("  " + k + " " + v + " / " + slowSamplesByThread.getOrDefault(k, 0)));
    // clusters of slow requests
    List<double[]> clusters = new ArrayList<>();
    for (double[] r : slow) { if (!clusters.isEmpty() && r[0] - clusters.get(clusters.size() - 1)[1] < 20) { double[] c = clusters.get(clusters.size() - 1); c[1] = r[0]; c[2]++; c[3] = Math.max(c[3], r[1]); } else clusters.add(new double[] { r[0], r[0], 1, r[1] }); }
    System.out.println("clusters of slow requests (start, span ms, n, max latency):");
    for (double[] c : clusters) { StringBuilder sb = new StringBuilder();
      for (Object[] x : iv) { double s = (double) x[0], e = (double) x[1]; if (s <= c[1] + c[3] && e >= c[0] - 5) sb.append(String.format(" [%s %.1fms @%+.0f]", x[2], e - s, s - c[0])); }
      System.out.printf("  %s +%.0f ms n=%d max %.1f%s%n", Instant.ofEpochMilli((long) c[0]), c[1] - c[0], (int) c[2], c[3], sb); }
  }
}
