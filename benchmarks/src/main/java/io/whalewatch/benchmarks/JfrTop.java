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
 * frames (self) and the top frames anywhere on the stack (inclusive), optionally only for threads
 * whose name contains a filter and only the last seconds of the recording.
 * Usage: {@code JfrTop FILE [threadFilter] [top] [lastSeconds]}.
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
        java.time.Instant from = args.length > 3 ? end.minusSeconds(Long.parseLong(args[3])) : java.time.Instant.MIN;
        for (RecordedEvent e : events) {
            if (e.getStartTime().isBefore(from)) {
                continue;
            }
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            if (thread == null || !thread.contains(filter)) {
                continue;
            }
            samples++;
            threads.merge(thread.replaceAll("\\d+", "N"), 1, Integer::sum);
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            frames.forEach(f -> seen.add(name(f)));
            seen.forEach(n -> inclusive.merge(n, 1, Integer::sum));
        }
        System.out.printf("%d samples (threads matching '%s')%n", samples, filter);
        print("threads", threads, top, samples);
        print("top frames (self)", self, top, samples);
        print("top frames (inclusive)", inclusive, top, samples);
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
