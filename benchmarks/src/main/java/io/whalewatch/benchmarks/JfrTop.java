package io.whalewatch.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording's {@code jdk.ExecutionSample} events: samples per thread, the top
 * frames (self), the top frames anywhere on the stack (inclusive) and how the top frames ran
 * (interpreted, JIT-compiled, inlined, native), optionally only for threads whose name contains a
 * filter and only a window of the recording: {@code S} = its last S seconds, {@code firstS} = the
 * first S seconds after the first sample of a matching thread (a cold server's first frames).
 * Usage: {@code JfrTop FILE [threadFilter] [top] [S|firstS]}.
 */
public final class JfrTop {
    private JfrTop() {
    }

    public static void main(String[] args) throws Exception {
        String filter = args.length > 1 ? args[1] : "";
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0])).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null).toList();
        java.time.Instant end = events.stream().map(RecordedEvent::getStartTime).max(java.util.Comparator.naturalOrder())
                .orElse(java.time.Instant.EPOCH);
        events = events.stream().filter(e -> threadName(e).contains(filter)).toList();
        java.time.Instant from = java.time.Instant.MIN;
        java.time.Instant to = java.time.Instant.MAX;
        if (args.length > 3 && args[3].startsWith("first")) {
            from = events.stream().map(RecordedEvent::getStartTime).min(java.util.Comparator.naturalOrder()).orElse(from);
            to = from.plusNanos((long) (Double.parseDouble(args[3].substring(5)) * 1e9));
        } else if (args.length > 3) {
            from = end.minusSeconds(Long.parseLong(args[3]));
        }
        Map<String, Integer> frameTypes = new HashMap<>();
        for (RecordedEvent e : events) {
            if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) {
                continue;
            }
            samples++;
            threads.merge(threadName(e).replaceAll("\\d+", "N"), 1, Integer::sum);
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
                frameTypes.merge(frames.get(0).getType(), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            frames.forEach(f -> seen.add(name(f)));
            seen.forEach(n -> inclusive.merge(n, 1, Integer::sum));
        }
        System.out.printf("%d samples (threads matching '%s')%n", samples, filter);
        print("threads", threads, top, samples);
        print("top frames (self)", self, top, samples);
        print("top frames (inclusive)", inclusive, top, samples);
        print("how the top frame ran", frameTypes, top, samples);
    }

    private static String threadName(RecordedEvent e) {
        String name = e.getThread("sampledThread") == null ? null : e.getThread("sampledThread").getJavaName();
        return name == null ? "?" : name;
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int top, int total) {
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .collect(Collectors.toList())
                .forEach(e -> System.out.printf("  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getValue(), e.getKey()));
    }
}
