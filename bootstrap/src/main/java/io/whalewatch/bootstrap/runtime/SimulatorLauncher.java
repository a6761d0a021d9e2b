package io.whalewatch.bootstrap.runtime;

import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.AddressBookProvider;
import io.whalewatch.application.spi.MempoolSimulator;
import io.whalewatch.application.spi.MempoolSimulatorProvider;
import io.whalewatch.bootstrap.config.Settings;
import io.whalewatch.bootstrap.plugin.Plugins;
import java.time.Clock;

/**
 * Starts the simulator with the configured address book, so its whales move coins to and from
 * exchanges the detector knows by name.
 */
public final class SimulatorLauncher {
    private SimulatorLauncher() {
    }

    public static MempoolSimulator start(Settings settings) {
        AdapterContext context = Contexts.of(settings, Clock.systemUTC());
        AddressBook book = Plugins.one(AddressBookProvider.class, settings.get("WHALEWATCH_ADDRESS_BOOK")).create(context);
        MempoolSimulator simulator = Plugins.one(MempoolSimulatorProvider.class, "simulator")
                .create(context.withPort(AddressBook.class, book));
        simulator.start();
        return simulator;
    }
}
