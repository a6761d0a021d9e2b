package io.whalewatch.bootstrap.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = WhaleWatchCommand.class.getPackage().getImplementationVersion();
        return new String[] {"whalewatch " + (v == null ? "dev" : v)};
    }
}
