package io.whalewatch.adapter.simulator.chain;

/** An output: script and value in satoshis. */
public record SimOutput(Script script, long value) {
}
