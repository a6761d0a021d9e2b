package io.whalewatch.adapter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.whalewatch.application.spi.AdapterException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a scenario: either a {@code .json} object of setting name to value
 * ({@code {"SIM_TX_RATE": 20, "SIM_WHALE_SHARE": 0.1}}) or a {@code .properties} file
 * ({@code SIM_TX_RATE=20}). Unknown keys are rejected so typos do not pass silently.
 */
final class ScenarioFile {
    private ScenarioFile() {
    }

    static Map<String, String> read(Path file) {
        try {
            Map<String, String> values = file.toString().endsWith(".json") ? json(file) : properties(file);
            for (String key : values.keySet()) {
                if (!SimulatorSettings.KEYS.contains(key)) {
                    throw new AdapterException("SIM_SCENARIO_FILE=" + file + " has unknown key " + key + "; allowed "
                            + SimulatorSettings.KEYS);
                }
            }
            return values;
        } catch (IOException e) {
            throw new AdapterException("SIM_SCENARIO_FILE=" + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> json(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new AdapterException("SIM_SCENARIO_FILE=" + file + " must hold a JSON object");
        }
        Map<String, String> values = new HashMap<>();
        root.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    private static Map<String, String> properties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Map<String, String> values = new HashMap<>();
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
        return values;
    }
}
