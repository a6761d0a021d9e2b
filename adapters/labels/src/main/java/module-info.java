/** Exchange address books: built-in list, GraphSense TagPack YAML, BIP-329 JSON Lines and CSV. */
module io.whalewatch.adapter.labels {
    requires io.whalewatch.application;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;

    provides io.whalewatch.application.spi.AddressBookProvider
            with io.whalewatch.adapter.labels.LabelsAddressBookProvider;
}
