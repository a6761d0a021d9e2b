package io.whalewatch.adapter.simulator.server;

/** What the admin API may ask the running simulation to do; implemented by the engine. */
public interface Control {
    /** JSON: sequence, tip, pending count, counters, settings. */
    String stateJson();

    /** JSON array of the exchanges and addresses whales use. */
    String exchangesJson();

    /**
     * Mines a block now, also mining the named transactions evicted through {@link #evict} (a miner
     * kept them); returns {"height":..,"hash":..,"txCount":..}. An unknown evicted txid fails.
     */
    String mineBlock(java.util.List<String> includeEvicted);

    /** Evicts a pending transaction now (announced in {@code removed}); false when it is not pending. */
    boolean evict(String txid);

    /** Restart semantics: sequence back to 0. */
    void resetSequence();

    void skipSequence(int n);

    /** Announces {@code n} new transactions in one mempool-transactions frame; returns its size in bytes. */
    long giantFrame(int n);

    /** Announces a whale now ({@code flow} null = random, {@code btc} &lt;= 0 = random); returns its JSON. */
    String injectWhale(String flow, double btc);

    /** The currently serialized frame every full subscriber would get next, for truncation faults. */
    String sampleFrame();

    /**
     * Replay mode with SIM_REPLAY_START=admin: lets the replay begin ({@code POST /sim/replay/start}).
     * Returns the answer JSON, or null when the simulator is not replaying.
     */
    default String startReplay() {
        return null;
    }

    /** Replay mode: {@code {"framesSent":n,"finished":bool}} for {@code GET /sim/replay}; null when not replaying. */
    default String replayStatus() {
        return null;
    }
}
