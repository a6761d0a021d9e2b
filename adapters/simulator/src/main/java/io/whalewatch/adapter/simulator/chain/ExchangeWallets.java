package io.whalewatch.adapter.simulator.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The exchanges whales trade with: built from labelled addresses (an address book sample) when
 * any decode, else a fixed synthetic set, so the simulator works stand-alone.
 */
public final class ExchangeWallets {
    private static final String[] SYNTHETIC = {"SimEx Alpha", "SimEx Bravo", "SimEx Charlie", "SimEx Delta"};

    private final List<Exchange> exchanges;

    private ExchangeWallets(List<Exchange> exchanges) {
        this.exchanges = List.copyOf(exchanges);
    }

    /** From (address, exchange) pairs; addresses that are not valid mainnet addresses are skipped. */
    public static ExchangeWallets of(List<Map.Entry<String, String>> labelled) {
        Map<String, List<Script>> byName = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : labelled) {
            Script.ofAddress(e.getKey())
                    .ifPresent(s -> byName.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(s));
        }
        if (byName.isEmpty()) {
            return synthetic();
        }
        List<Exchange> list = new ArrayList<>();
        byName.forEach((name, scripts) -> list.add(new Exchange(name, scripts)));
        return new ExchangeWallets(list);
    }

    /** Four made-up exchanges with three addresses each, identical on every run. */
    public static ExchangeWallets synthetic() {
        SplittableRandom rng = new SplittableRandom(0x5eed_ec5L);
        List<Exchange> list = new ArrayList<>();
        for (String name : SYNTHETIC) {
            list.add(new Exchange(name, List.of(Script.p2wpkh(Hex.random(rng, 20)),
                    Script.p2sh(Hex.random(rng, 20)), Script.p2pkh(Hex.random(rng, 20)))));
        }
        return new ExchangeWallets(list);
    }

    public List<Exchange> exchanges() {
        return exchanges;
    }
}
