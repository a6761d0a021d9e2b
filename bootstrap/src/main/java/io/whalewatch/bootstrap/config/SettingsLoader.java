package io.whalewatch.bootstrap.config;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.whalewatch.application.spi.AdapterException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Reads defaults, the {@code .env} file and the environment, in that order of precedence. */
public final class SettingsLoader {
    private static final String DEFAULTS = "/whalewatch-defaults.properties";

    private SettingsLoader() {
    }

    /**
     * @param envFile the .env file to read (missing is fine unless {@code required})
     * @param environment usually {@link System#getenv()}
     */
    public static Settings load(Path envFile, boolean required, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>(defaults());
        Map<String, String> fromFile = dotenv(envFile, required);
        values.putAll(fromFile);
        java.util.Set<String> explicit = new java.util.HashSet<>(fromFile.keySet());
        environment.forEach((k, v) -> {
            if (values.containsKey(k) || looksLikeSetting(k)) {
                values.put(k, v);
                explicit.add(k);
            }
        });
        return new Settings(values, explicit);
    }

    /** Environment variables are many; keep upper-case keys with an underscore or a known prefix. */
    private static boolean looksLikeSetting(String key) {
        return key.equals(key.toUpperCase(java.util.Locale.ROOT)) && key.contains("_");
    }

    static Map<String, String> defaults() {
        Properties p = new Properties();
        try (InputStream in = SettingsLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " missing from the jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS, e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }

    private static Map<String, String> dotenv(Path file, boolean required) {
        Map<String, String> map = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new AdapterException("env file " + file + " does not exist");
            }
            return map;
        }
        Path dir = file.toAbsolutePath().getParent();
        Dotenv env = Dotenv.configure().directory(dir.toString()).filename(file.getFileName().toString()).load();
        for (DotenvEntry e : env.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }
}
