package io.whalewatch.bootstrap.cli;

import io.whalewatch.application.port.out.DatabaseTools.CheckReport;
import io.whalewatch.application.port.out.DatabaseTools.Finding;
import io.whalewatch.bootstrap.config.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code whalewatch db check [FILE]}: opens DB_PATH (or FILE, e.g. a backup) read-only and reports
 * schema version against the shipped migrations, tables, row counts and consistency; exit 0 when
 * every check passes, 1 otherwise. A file held by a running server cannot be opened (exit 2, naming the PID):
 * check a fresh backup instead.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check DB_PATH (or FILE) read-only: schema version, tables, row counts, consistency. Exit 0 = all passed.")
final class DbCheckCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "the file to check (default: DB_PATH)")
    Path file;

    @Override
    public Integer call() {
        Settings settings = config.resolve();
        Path target = file != null ? file.toAbsolutePath().normalize() : DbTools.dbPath(settings);
        CheckReport report = DbTools.of(settings).check(target);
        print(report, spec.commandLine().getOut());
        return report.ok() ? 0 : 1;
    }

    static void print(CheckReport report, PrintWriter out) {
        out.println("database " + report.file());
        for (Finding f : report.findings()) {
            out.println((f.ok() ? "  ok    " : "  FAIL  ") + f.what());
        }
        out.println(report.ok() ? "all checks passed" : "some checks FAILED");
        out.flush();
    }
}
