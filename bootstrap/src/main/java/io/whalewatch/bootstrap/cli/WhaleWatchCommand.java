package io.whalewatch.bootstrap.cli;

import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.bootstrap.runtime.Logging;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command, {@code whalewatch}. Configuration errors print one clear line, no stack trace. */
@Command(name = "whalewatch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Real-time Bitcoin mempool whale detector.",
        subcommands = {ServeCommand.class, DemoCommand.class, SimulateCommand.class, TokenCommand.class, DbCommand.class,
            HealthCommand.class, EdgeCommand.class, ReplayCommand.class})
public final class WhaleWatchCommand implements Runnable {
    private static final Set<String> LONG_RUNNING = Set.of("serve", "demo", "simulate", "edge");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Runs the command line; returns the exit code (0 ok, 1 runtime failure, 2 usage or configuration error). */
    public static int execute(String... args) {
        Logging.install();
        CommandLine cli = new CommandLine(new WhaleWatchCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof AdapterException || e instanceof StoreException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** Whether the command keeps the JVM alive after returning (servers stop on a signal). */
    public static boolean keepsRunning(String[] args) {
        return args.length > 0 && LONG_RUNNING.contains(args[0]) && !Set.of(args).contains("--init-db-only")
                && !Set.of(args).contains("--help");
    }
}
