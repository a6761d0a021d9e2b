package io.whalewatch.adapter.web;

import io.whalewatch.application.spi.AdapterException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Writes the bound ports as {@code {"broadcaster_port":N,"api_port":M}} so that tests and the demo
 * can find servers started on port 0. Written to a temporary file and moved into place, so a
 * reader never sees a half-written file.
 */
final class PortsFile {
    private PortsFile() {
    }

    static void write(Optional<Path> file, int broadcasterPort, int apiPort) {
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get().toAbsolutePath();
        String json = "{\"broadcaster_port\":" + broadcasterPort + ",\"api_port\":" + apiPort + "}\n";
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".ports", ".tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AdapterException("WEB_PORTS_FILE=" + target + " could not be written: " + e.getMessage(), e);
        }
    }
}
