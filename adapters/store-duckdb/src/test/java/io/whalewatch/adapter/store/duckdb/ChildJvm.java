package io.whalewatch.adapter.store.duckdb;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Starts a second JVM with this test's class path (another process, as DuckDB's file lock requires). */
final class ChildJvm {
    private ChildJvm() {
    }

    /** The test class path; surefire's forked JVM may see only its booter jar in java.class.path. */
    static List<String> testClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A child on the class path running {@code main} of {@code mainClass}. */
    static Process onClassPath(Class<?> mainClass, Path errors, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                String.join(File.pathSeparator, testClassPath()), mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(errors.toFile()).start();
    }

    /**
     * A child whose entries matching {@code modular} go on the module path (plus the given root
     * modules), the rest on the class path where {@code mainClass} runs in the unnamed module.
     */
    static Process onModulePath(Class<?> mainClass, Predicate<String> modular, String addModules, Path errors,
            String... args) throws IOException {
        List<String> modulePath = testClassPath().stream().filter(modular).toList();
        List<String> classPath = testClassPath().stream().filter(modular.negate()).toList();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:+UseSerialGC",
                "--module-path", String.join(File.pathSeparator, modulePath), "--add-modules", addModules,
                "-cp", String.join(File.pathSeparator, classPath), mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(errors.toFile()).start();
    }

    static String errors(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
