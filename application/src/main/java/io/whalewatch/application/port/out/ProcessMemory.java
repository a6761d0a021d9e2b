package io.whalewatch.application.port.out;

/** Reads the process's memory use (resident set from the OS, Java heap from the JVM). Thread-safe, cheap. */
public interface ProcessMemory {
    Usage read();

    /**
     * @param residentBytes the process's resident set size (RSS), or -1 when the OS does not say
     * @param heapUsedBytes Java heap in use
     * @param heapMaxBytes  the heap's limit (-Xmx)
     */
    record Usage(long residentBytes, long heapUsedBytes, long heapMaxBytes) {
        /** What the memory limits apply to: RSS when known (what the OS and systemd count), else the heap. */
        public long measuredBytes() {
            return residentBytes >= 0 ? residentBytes : heapUsedBytes;
        }
    }
}
