package io.whalewatch.bootstrap.cli;

import io.whalewatch.application.port.out.AccessTokens.Permission;
import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.bootstrap.config.Settings;
import io.whalewatch.bootstrap.runtime.StartupChecks;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Asks a running server for a backup over its admin API; empty when nothing listens there. */
final class AdminBackupClient {
    private AdminBackupClient() {
    }

    static Optional<String> backup(String baseUrl, Path target, Settings settings) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1) // no h2c upgrade: Grizzly would drop the POST body
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (ConnectException e) {
            return Optional.empty(); // no server: the caller copies the file itself
        } catch (IOException | IllegalArgumentException e) {
            throw new AdapterException("cannot reach the server at " + baseUrl + ": " + e.getMessage());
        }
        StartupChecks.requireProductionSecret(settings); // the server's secret signs our admin token
        String token = io.whalewatch.bootstrap.runtime.Tokens.of(settings, java.time.Clock.systemUTC()).issue("db-backup", Set.of(Permission.ADMIN), Duration.ofMinutes(5));
        String body = "{\"path\":\"" + target.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/admin/backup"))
                .timeout(Duration.ofMinutes(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AdapterException("the backup request to " + baseUrl + " failed: " + e.getMessage());
        }
        if (response.statusCode() != 200) {
            throw new AdapterException("the server at " + baseUrl + " refused the backup (HTTP " + response.statusCode() + "): " + response.body());
        }
        return Optional.of(response.body());
    }
}
