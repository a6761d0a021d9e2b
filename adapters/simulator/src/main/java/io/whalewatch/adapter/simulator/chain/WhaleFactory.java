package io.whalewatch.adapter.simulator.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Plans whale transfers by flow: who pays, who is paid, and where the change goes. */
final class WhaleFactory {
    static final List<String> FLOWS = List.of("inflow", "outflow", "internal", "unknown");
    private final ExchangeWallets wallets;

    record Plan(List<Script> inputs, List<SimOutput> outputs, Whale whale) {
    }

    WhaleFactory(ExchangeWallets wallets) {
        this.wallets = wallets;
    }

    Plan plan(RandomGenerator rng, String flow, long amount) {
        String f = flow != null ? flow : randomFlow(rng);
        long change = Math.max(10_000, (long) (amount * (0.005 + 0.3 * rng.nextDouble())));
        Exchange ex = exchange(rng, null);
        return switch (f) {
            case "inflow" -> new Plan(unknownInputs(rng), List.of(new SimOutput(address(rng, ex), amount),
                    new SimOutput(RandomScripts.any(rng), change)), new Whale(f, ex.name(), null, amount));
            case "outflow" -> new Plan(exchangeInputs(rng, ex), List.of(new SimOutput(RandomScripts.any(rng), amount),
                    new SimOutput(address(rng, ex), change)), new Whale(f, ex.name(), null, amount));
            case "internal" -> internal(rng, ex, amount, change);
            case "unknown" -> new Plan(unknownInputs(rng), List.of(new SimOutput(RandomScripts.any(rng), amount),
                    new SimOutput(RandomScripts.any(rng), change)), new Whale(f, null, null, amount));
            default -> throw new IllegalArgumentException("unknown flow " + flow + "; allowed " + FLOWS);
        };
    }

    private Plan internal(RandomGenerator rng, Exchange from, long amount, long change) {
        Exchange to = exchange(rng, from);
        return new Plan(exchangeInputs(rng, from), List.of(new SimOutput(address(rng, to), amount),
                new SimOutput(address(rng, from), change)), new Whale("internal", to.name(), from.name(), amount));
    }

    private static String randomFlow(RandomGenerator rng) {
        int r = rng.nextInt(100);
        return r < 35 ? "inflow" : r < 65 ? "outflow" : r < 80 ? "internal" : "unknown";
    }

    /** A random exchange, different from {@code not} when there is a choice. */
    private Exchange exchange(RandomGenerator rng, Exchange not) {
        List<Exchange> all = wallets.exchanges();
        Exchange e = all.get(rng.nextInt(all.size()));
        if (e.equals(not) && all.size() > 1) {
            e = all.get((all.indexOf(e) + 1 + rng.nextInt(all.size() - 1)) % all.size());
        }
        return e;
    }

    private static Script address(RandomGenerator rng, Exchange e) {
        return e.addresses().get(rng.nextInt(e.addresses().size()));
    }

    private static List<Script> unknownInputs(RandomGenerator rng) {
        List<Script> ins = new ArrayList<>();
        int n = 1 + rng.nextInt(3);
        for (int i = 0; i < n; i++) {
            ins.add(RandomScripts.any(rng));
        }
        return ins;
    }

    private static List<Script> exchangeInputs(RandomGenerator rng, Exchange e) {
        List<Script> ins = new ArrayList<>();
        int n = 1 + rng.nextInt(2);
        for (int i = 0; i < n; i++) {
            ins.add(address(rng, e));
        }
        return ins;
    }
}
