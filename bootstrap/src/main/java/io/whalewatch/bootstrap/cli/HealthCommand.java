package io.whalewatch.bootstrap.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code whalewatch health}: asks a running service's /health and exits 0 when it answers 200
 * (healthy or degraded), 1 otherwise. Used by the Docker HEALTHCHECK and by scripts.
 */
@Command(name = "health", mixinStandardHelpOptions = true, description = "Check a running service's /health (exit 0 = up).")
final class HealthCommand implements Callable<Integer> {
    @Option(names = "--url", description = "health URL (default http://127.0.0.1:8001/health)")
    String url = "http://127.0.0.1:8001/health";

    @Option(names = "--timeout", description = "seconds to wait (default 5)")
    int timeoutSeconds = 5;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(timeoutSeconds)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            spec.commandLine().getOut().println(response.body());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("health check failed: " + e.getMessage());
            return 1;
        }
    }
}
