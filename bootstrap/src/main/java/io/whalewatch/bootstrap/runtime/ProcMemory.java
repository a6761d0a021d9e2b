package io.whalewatch.bootstrap.runtime;

import io.whalewatch.application.port.out.ProcessMemory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Process memory for the memory watch: RSS from {@code /proc/self/status} (VmRSS, what the kernel
 * and systemd's MemoryMax count, heap + metaspace + threads + DuckDB's native buffers), heap from the
 * JVM. Off Linux the RSS is unknown (-1) and the limits apply to the heap.
 */
final class ProcMemory implements ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    @Override
    public Usage read() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Usage(residentBytes(), heap.getUsed(), heap.getMax());
    }

    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024; // "VmRSS:   123456 kB"
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
