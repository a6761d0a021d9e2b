package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.chain.Exchange;
import io.whalewatch.adapter.simulator.chain.ExchangeWallets;
import io.whalewatch.adapter.simulator.chain.Script;
import io.whalewatch.adapter.simulator.chain.SimBlock;
import io.whalewatch.adapter.simulator.server.Control;
import io.whalewatch.adapter.simulator.server.Faults;
import io.whalewatch.adapter.simulator.server.Hub;
import io.whalewatch.adapter.simulator.wire.Json;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The admin API's view of the engine: every call runs on the engine thread and waits for it. */
final class EngineControl implements Control {
    private final SimulationEngine engine;
    private final Publisher publisher;
    private final ExecutorService thread;
    private final SimulatorSettings settings;
    private final ExchangeWallets wallets;
    private final Hub hub;
    private final Faults faults;

    EngineControl(SimulationEngine engine, Publisher publisher, ExecutorService thread, SimulatorSettings settings,
                  ExchangeWallets wallets, Hub hub, Faults faults) {
        this.engine = engine;
        this.publisher = publisher;
        this.thread = thread;
        this.settings = settings;
        this.wallets = wallets;
        this.hub = hub;
        this.faults = faults;
    }

    private volatile java.util.function.Supplier<String> replayStarter = () -> null;
    private volatile java.util.function.Supplier<String> replayStatus = () -> null;

    /** Replay mode: what {@code POST /sim/replay/start} does and what {@code GET /sim/replay} answers. */
    void replay(java.util.function.Supplier<String> starter, java.util.function.Supplier<String> status) {
        this.replayStarter = starter;
        this.replayStatus = status;
    }

    @Override
    public String replayStatus() {
        return replayStatus.get();
    }

    @Override
    public String startReplay() {
        return replayStarter.get();
    }

    <T> T call(Callable<T> task) {
        try {
            return thread.submit(task).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("engine busy", e);
        }
    }

    @Override
    public String stateJson() {
        return call(() -> {
            Mempool m = engine.mempool();
            SimBlock tip = publisher.tip();
            return Json.write(g -> {
                g.writeStartObject();
                g.writeNumberField("sequence", publisher.sequence());
                g.writeNumberField("tick", engine.tickCount());
                g.writeNumberField("tipHeight", tip.height());
                g.writeStringField("tipHash", tip.id());
                g.writeNumberField("pending", m.size());
                g.writeNumberField("announced", m.announced);
                g.writeNumberField("whalesAnnounced", m.whales);
                g.writeNumberField("replacements", m.replacements);
                g.writeNumberField("evictions", m.drops);
                g.writeNumberField("blocksMined", engine.blocksMined);
                g.writeNumberField("clients", hub.size());
                g.writeNumberField("trackingClients", hub.trackingClients());
                g.writeBooleanField("stalled", faults.stalled());
                g.writeBooleanField("sequenceFrozen", faults.sequenceFrozen());
                g.writeNumberField("restErrorsRemaining", faults.restErrorsRemaining());
                g.writeNumberField("seed", settings.seed());
                g.writeBooleanField("prevoutNull", settings.prevoutNull());
                g.writeEndObject();
            });
        });
    }

    @Override
    public String exchangesJson() {
        return Json.write(g -> {
            g.writeStartArray();
            for (Exchange e : wallets.exchanges()) {
                for (Script s : e.addresses()) {
                    g.writeStartObject();
                    g.writeStringField("address", s.address());
                    g.writeStringField("exchange", e.name());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        });
    }

    @Override
    public String mineBlock(List<String> includeEvicted) {
        SimBlock b = call(() -> engine.mineNow(includeEvicted));
        return "{\"height\":" + b.height() + ",\"hash\":\"" + b.id() + "\",\"txCount\":" + b.txids().size() + "}";
    }

    @Override
    public boolean evict(String txid) {
        return call(() -> engine.evict(txid));
    }

    @Override
    public void resetSequence() {
        call(() -> {
            publisher.resetSequence();
            return null;
        });
    }

    @Override
    public void skipSequence(int n) {
        call(() -> {
            publisher.skip(n);
            return null;
        });
    }

    @Override
    public long giantFrame(int n) {
        return call(() -> engine.giant(n));
    }

    @Override
    public String injectWhale(String flow, double btc) {
        Pending p = call(() -> engine.whale(flow, btc));
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("txid", p.tx().txid());
            g.writeStringField("flow", p.whale().flow());
            g.writeNumberField("amountSats", p.whale().amountSats());
            g.writeStringField("exchange", p.whale().exchange());
            g.writeStringField("fromExchange", p.whale().fromExchange());
            g.writeEndObject();
        });
    }

    @Override
    public String sampleFrame() {
        return publisher.lastFrame();
    }
}
