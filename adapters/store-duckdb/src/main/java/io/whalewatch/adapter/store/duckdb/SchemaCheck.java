package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.DatabaseTools.Finding;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * The schema version recorded in {@code flyway_schema_history} against the migrations shipped in
 * this build: newer than this build (a downgrade) or a failed migration fails; pending migrations
 * are fine (the server applies them at start, or {@code db migrate}). Read-only: Flyway's info only reads.
 */
final class SchemaCheck {
    private final List<Finding> findings;

    private SchemaCheck(List<Finding> findings) {
        this.findings = List.copyOf(findings);
    }

    static SchemaCheck of(DuplicatingDataSource.ConnectionSource connections) {
        List<Finding> out = new ArrayList<>();
        try {
            MigrationInfo[] all = Flyway.configure(SchemaCheck.class.getClassLoader())
                    .dataSource(new DuplicatingDataSource(connections)).locations(SchemaMigrator.LOCATION)
                    .load().info().all();
            String shipped = "none";
            String applied = "none";
            List<String> pending = new ArrayList<>();
            for (MigrationInfo m : all) {
                MigrationState s = m.getState();
                String v = String.valueOf(m.getVersion());
                if (s.isResolved()) {
                    shipped = v;
                }
                if (s.isApplied() && !s.isFailed()) {
                    applied = v;
                }
                if (s == MigrationState.PENDING) {
                    pending.add(v);
                }
                if (s.isApplied() && !s.isResolved()) {
                    out.add(new Finding(false, "schema version " + v + " (" + m.getDescription()
                            + ") is newer than this build knows; use the whalewatch version that wrote it"));
                } else if (s.isFailed()) {
                    out.add(new Finding(false, "migration " + v + " failed: " + m.getDescription()));
                }
            }
            out.add(0, new Finding(!"none".equals(applied), "schema version " + applied + " (this build ships " + shipped + ")"
                    + (pending.isEmpty() ? "" : "; pending " + pending + ": applied at the next start or by db migrate")));
        } catch (FlywayException e) {
            out.add(new Finding(false, "schema history unreadable: " + StoreFailures.firstLine(String.valueOf(e.getMessage()))));
        }
        return new SchemaCheck(out);
    }

    List<Finding> findings() {
        return findings;
    }
}
