package io.whalewatch.adapter.labels;

/**
 * A finished address book and what its sources held besides: entries left out on purpose (other
 * currencies or categories), repeated addresses, and addresses a later source relabelled.
 *
 * @param fromCache whether the table was read from the {@link AddressBookCache} rather than parsed
 */
record AddressBookLoad(AddressTable table, int skipped, int duplicates, int relabelled, boolean fromCache) {
}
