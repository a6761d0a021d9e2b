package io.whalewatch.application.spi;

import io.whalewatch.application.port.out.AddressBook;

/** Discovers address books ("labels"). See {@link AdapterProvider} for the contract. */
public interface AddressBookProvider extends AdapterProvider<AddressBook> {
}
