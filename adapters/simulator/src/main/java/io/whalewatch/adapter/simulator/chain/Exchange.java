package io.whalewatch.adapter.simulator.chain;

import java.util.List;

/** An exchange and the scripts of its addresses that whales move coins to and from. */
public record Exchange(String name, List<Script> addresses) {
    public Exchange {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("exchange " + name + " needs at least one address");
        }
        addresses = List.copyOf(addresses);
    }
}
