package io.whalewatch.application.service;

import io.whalewatch.application.port.out.ProcessMemory;

/** The fallback reader when bootstrap gives none: the Java heap only, RSS unknown. */
final class HeapMemory implements ProcessMemory {
    @Override
    public Usage read() {
        Runtime rt = Runtime.getRuntime();
        return new Usage(-1, rt.totalMemory() - rt.freeMemory(), rt.maxMemory());
    }
}
