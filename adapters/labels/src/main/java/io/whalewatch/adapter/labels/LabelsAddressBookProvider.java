package io.whalewatch.adapter.labels;

import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.AddressBookProvider;
import java.nio.file.Path;

/**
 * Provides the "labels" address book: exchange addresses from a built-in list, GraphSense TagPack
 * YAML, BIP-329 JSON Lines and CSV files.
 *
 * <p>Settings: {@code ADDRESS_BOOK_PATHS} (files, comma- or path-separator-separated; format by
 * extension {@code .yaml}/{@code .yml}, {@code .jsonl}/{@code .json}, {@code .csv}, else by
 * content; default none) and {@code ADDRESS_BOOK_BUILTIN} (read the shipped list first; default
 * true), {@code ADDRESS_BOOK_CACHE} (a file keeping the parsed book between starts, see
 * {@link AddressBookCache}; default none here, the service sets it next to its database; {@code off}
 * for none). {@link #create} reads every source (or the matching cache) before returning and fails
 * with the file and line at fault. The book is safe for concurrent lookups; {@code reload()} re-reads
 * every source (again through the cache when they are unchanged).
 */
public final class LabelsAddressBookProvider implements AddressBookProvider {
    /** No I/O here; everything happens in {@link #create}. */
    public LabelsAddressBookProvider() {
    }

    @Override
    public String name() {
        return "labels";
    }

    @Override
    public AddressBook create(AdapterContext context) {
        AddressBookCache cache = context.config().find(AddressBookCache.PATH_KEY).map(String::strip)
                .filter(v -> !v.isEmpty() && !v.equalsIgnoreCase("off"))
                .map(v -> new AddressBookCache(Path.of(v))).orElse(null);
        AddressBookLoader loader = new AddressBookLoader(AddressBookSources.from(context.config()), cache);
        return new LabelsAddressBook(loader::load);
    }
}
