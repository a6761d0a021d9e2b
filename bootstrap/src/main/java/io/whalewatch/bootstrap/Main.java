package io.whalewatch.bootstrap;

import io.whalewatch.bootstrap.cli.WhaleWatchCommand;

/** Entry point of the runnable jar: {@code java -jar whalewatch.jar <command>}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = WhaleWatchCommand.execute(args);
        if (code != 0 || !WhaleWatchCommand.keepsRunning(args)) {
            System.exit(code);
        }
    }
}
