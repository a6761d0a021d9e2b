package io.whalewatch.adapter.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.whalewatch.application.port.in.BackupDatabaseUseCase;
import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.application.port.out.AccessTokens.Permission;
import io.whalewatch.application.port.out.DatabaseBackup.BackupReport;
import io.whalewatch.application.port.out.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/admin/backup} with {@code {"path": "/abs/file.db"}} and a bearer token with the
 * {@code admin} permission: a consistent copy of the running database (used by {@code whalewatch db
 * backup}). 401 without a valid token, 403 without admin, 400 for a bad body, 409 when the copy
 * fails (target exists, disk full), 200 with {@code {path, bytes, rows}} when written.
 */
public final class AdminBackupHandler extends HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBackupHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 4096;
    private final BackupDatabaseUseCase backup;
    private final AccessTokens tokens;

    public AdminBackupHandler(BackupDatabaseUseCase backup, AccessTokens tokens) {
        this.backup = backup;
        this.tokens = tokens;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (request.getMethod() != Method.POST) {
            response.setHeader("Allow", "POST");
            JsonResponses.send(response, 405, JsonResponses.error("method not allowed"));
            return;
        }
        String auth = request.getHeader("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            response.setHeader("WWW-Authenticate", "Bearer");
            JsonResponses.send(response, 401, JsonResponses.error("bearer token required"));
            return;
        }
        AccessTokens.ClientPrincipal principal;
        try {
            principal = tokens.verify(auth.substring(7).trim());
        } catch (AccessTokens.InvalidTokenException e) {
            JsonResponses.send(response, 401, JsonResponses.error(e.getMessage()));
            return;
        }
        if (!principal.has(Permission.ADMIN)) {
            JsonResponses.send(response, 403, JsonResponses.error("admin permission required"));
            return;
        }
        run(request, response, principal.clientId());
    }

    private void run(Request request, Response response, String client) throws IOException {
        Path target;
        try {
            target = target(request.getInputStream());
        } catch (IllegalArgumentException | IOException e) { // InvalidPathException is an IllegalArgumentException
            JsonResponses.send(response, 400, JsonResponses.error("body must be {\"path\": \"<absolute path of a new file>\"}"));
            return;
        }
        try {
            BackupReport report = backup.backup(target);
            LOG.info("backup to {} requested by {} written ({} bytes)", report.file(), client, report.bytes());
            JsonResponses.send(response, 200, JSON.writeValueAsString(body(report)));
        } catch (StoreException | IllegalArgumentException e) {
            JsonResponses.send(response, 409, JsonResponses.error(e.getMessage())); // the admin needs the reason (file exists, disk full)
        }
    }

    private static Path target(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IllegalArgumentException("body too large");
        }
        JsonNode path = JSON.readTree(bytes).path("path");
        if (!path.isTextual() || path.asText().isBlank() || !Path.of(path.asText()).isAbsolute()) {
            throw new IllegalArgumentException("path missing or not absolute");
        }
        return Path.of(path.asText());
    }

    private static ObjectNode body(BackupReport r) {
        ObjectNode body = JSON.createObjectNode();
        body.put("path", r.file().toString());
        body.put("bytes", r.bytes());
        ObjectNode rows = body.putObject("rows");
        r.rows().forEach(rows::put);
        return body;
    }
}
