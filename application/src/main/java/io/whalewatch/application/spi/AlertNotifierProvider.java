package io.whalewatch.application.spi;

import io.whalewatch.application.port.out.AlertNotifier;

/** Discovers alert notifiers ("webhook", "email"). See {@link AdapterProvider} for the contract. */
public interface AlertNotifierProvider extends AdapterProvider<AlertNotifier> {
}
