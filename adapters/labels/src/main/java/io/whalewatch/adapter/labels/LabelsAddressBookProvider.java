package io.whalewatch.adapter.labels;

import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.AddressBookProvider;

/**
 * Provides the "labels" address book: exchange addresses from a built-in list, GraphSense TagPack
 * YAML, BIP-329 JSON Lines and CSV files.
 *
 * <p>Settings: {@code ADDRESS_BOOK_PATHS} (files, comma- or path-separator-separated; format by
 * extension {@code .yaml}/{@code .yml}, {@code .jsonl}/{@code .json}, {@code .csv}, else by
 * content; default none) and {@code ADDRESS_BOOK_BUILTIN} (read the shipped list first; default
 * true). {@link #create} reads every source before returning and fails with the file and line at
 * fault. The book is safe for concurrent lookups; {@code reload()} re-reads every source.
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
        AddressBookLoader loader = new AddressBookLoader(AddressBookSources.from(context.config()));
        return new LabelsAddressBook(loader::load);
    }
}
