/**
 * The adapter SPI. Each port has a {@code <Port>Provider} discovered by {@link java.util.ServiceLoader}
 * in bootstrap and enabled by its {@code name()} in configuration. Providers are cheap factories:
 * a public no-arg constructor that does no I/O; all I/O happens in {@code create}.
 */
package io.whalewatch.application.spi;
