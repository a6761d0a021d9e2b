package io.whalewatch.bootstrap.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged whalewatch jar running in its own process, output captured to files. */
final class JarProcess implements AutoCloseable {
    static final Path JAR = Path.of(System.getProperty("whalewatch.jar", "target/whalewatch.jar"));
    private final Process process;
    private final Path out;
    private final Path err;

    private JarProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code java -jar whalewatch.jar args} in {@code dir} with extra environment variables. */
    static JarProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return launch(dir, env, command, args.length > 0 ? args[0] : "none");
    }

    /** As {@link #start} with other JVM options (e.g. the systemd unit's -Xmx288m) instead of -Xmx256m. */
    static JarProcess startWithJvm(Path dir, Map<String, String> env, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return launch(dir, env, command, args.length > 0 ? args[0] : "none");
    }

    static JarProcess launch(Path dir, Map<String, String> env, List<String> command, String label) throws IOException {
        Path out = Files.createTempFile(dir, label + "-", ".out");
        Path err = Files.createTempFile(dir, label + "-", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("JWT_") || k.startsWith("MEMPOOL_") || k.startsWith("DB_"));
        pb.environment().putAll(env);
        return new JarProcess(pb.start(), out, err);
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits for a stdout line matching the regex; returns its first group (or the whole match). */
    String awaitStdout(String regex, Duration timeout) throws IOException, InterruptedException {
        return await(out, regex, timeout);
    }

    /** Waits for a stderr line (where the service logs) matching the regex; returns its first group (or the whole match). */
    String awaitStderr(String regex, Duration timeout) throws IOException, InterruptedException {
        return await(err, regex, timeout);
    }

    private String await(Path file, String regex, Duration timeout) throws IOException, InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> hit = find(p, Files.readString(file));
            if (hit.isPresent()) {
                return hit.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("process exited " + process.exitValue() + " before printing /" + regex + "/\n" + describe());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line /" + regex + "/ within " + timeout + "\n" + describe());
    }

    private static Optional<String> find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.groupCount() > 0 ? m.group(1) : m.group());
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process still running after " + timeout + "\n" + describe());
        }
        return process.exitValue();
    }

    /** The child's process id (e.g. to read /proc/PID/status). */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM: the graceful path. */
    void stop() {
        process.destroy();
    }

    /** SIGKILL: the crash path. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    String stdout() throws IOException {
        return Files.readString(out);
    }

    String stderr() throws IOException {
        return Files.readString(err);
    }

    String describe() {
        try {
            String e = stderr();
            return "--- stdout\n" + stdout() + "\n--- stderr (tail)\n" + e.substring(Math.max(0, e.length() - 6000));
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
