package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.chain.ExchangeWallets;
import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.MempoolSimulator;
import io.whalewatch.application.spi.MempoolSimulatorProvider;
import java.util.List;
import java.util.Map;

/**
 * Provides the generating mempool.space simulator ("simulator"). {@link #create} reads the
 * SIM_* settings (see {@link SimulatorSettings}) and, when the context has an {@link AddressBook},
 * uses a sample of its exchange addresses for whales; it binds nothing until
 * {@link MempoolSimulator#start()}.
 */
public final class GeneratingMempoolSimulatorProvider implements MempoolSimulatorProvider {
    /** Exchange addresses sampled from the address book. */
    static final int SAMPLE = 200;

    public GeneratingMempoolSimulatorProvider() {
        // cheap: discovery must not do I/O
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public MempoolSimulator create(AdapterContext context) {
        SimulatorSettings settings = SimulatorSettings.from(context.config());
        ExchangeWallets wallets = context.ports().find(AddressBook.class)
                .map(book -> ExchangeWallets.of(entries(book.sample(SAMPLE))))
                .orElseGet(ExchangeWallets::synthetic);
        return new GeneratingMempoolSimulator(settings, ReplaySettings.from(context.config()), wallets, context.clock());
    }

    private static List<Map.Entry<String, String>> entries(List<AddressBook.LabelledAddress> sample) {
        return sample.stream().map(a -> Map.entry(a.address(), a.exchange())).toList();
    }
}
