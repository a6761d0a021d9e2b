package io.whalewatch.bootstrap.cli;

import io.whalewatch.application.port.out.AccessTokens.Permission;
import io.whalewatch.bootstrap.config.Settings;
import io.whalewatch.bootstrap.runtime.StartupChecks;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code whalewatch token create NAME --permissions read write --hours 24}: prints a signed JWT. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Issue access tokens.",
        subcommands = TokenCommand.Create.class)
final class TokenCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Print a JWT for CLIENT_ID signed with JWT_SECRET_KEY (only the token goes to stdout).")
    static final class Create implements Callable<Integer> {
        @Mixin
        ConfigOptions config;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CLIENT_ID", description = "the client id (e.g. test-client)")
        String clientId;

        @Option(names = "--permissions", arity = "1..*", paramLabel = "PERMISSION",
                description = "read, write and/or admin (default: read)")
        List<String> permissions = List.of("read");

        @Option(names = "--hours", paramLabel = "N", description = "validity in hours (default 24)")
        double hours = 24;

        @Override
        public Integer call() {
            if (!(hours > 0 && hours <= 24 * 366)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--hours must be within (0, 8784]");
            }
            Settings settings = config.resolve();
            StartupChecks.requireProductionSecret(settings);
            String token = io.whalewatch.bootstrap.runtime.Tokens.of(settings, java.time.Clock.systemUTC()).issue(clientId, parse(permissions),
                    Duration.ofSeconds(Math.round(hours * 3600)));
            spec.commandLine().getOut().println(token);
            spec.commandLine().getOut().flush();
            return 0;
        }

        private Set<Permission> parse(List<String> names) {
            Set<Permission> set = EnumSet.noneOf(Permission.class);
            for (String n : names) {
                try {
                    set.add(Permission.valueOf(n.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "unknown permission '" + n + "'; allowed: read, write, admin");
                }
            }
            return set;
        }
    }
}
