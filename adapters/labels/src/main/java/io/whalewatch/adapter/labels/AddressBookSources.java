package io.whalewatch.adapter.labels;

import io.whalewatch.application.spi.AdapterConfig;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the address book comes from.
 *
 * @param paths   files read in order ({@code ADDRESS_BOOK_PATHS}, comma- or path-separator-separated);
 *                a later file relabels an address an earlier one listed
 * @param builtin whether the shipped list of well-known exchange wallets is read first
 *                ({@code ADDRESS_BOOK_BUILTIN}, default true)
 */
public record AddressBookSources(List<Path> paths, boolean builtin) {
    public static final String PATHS_KEY = "ADDRESS_BOOK_PATHS";
    public static final String BUILTIN_KEY = "ADDRESS_BOOK_BUILTIN";
    private static final Pattern SEPARATORS = Pattern.compile("[," + Pattern.quote(File.pathSeparator) + "]");

    public AddressBookSources {
        paths = List.copyOf(paths);
    }

    public static AddressBookSources from(AdapterConfig config) {
        List<Path> paths = config.find(PATHS_KEY)
                .map(v -> Arrays.stream(SEPARATORS.split(v)).map(String::strip).filter(s -> !s.isEmpty())
                        .map(Path::of).toList())
                .orElse(List.of());
        return new AddressBookSources(paths, config.getBoolean(BUILTIN_KEY, true));
    }
}
