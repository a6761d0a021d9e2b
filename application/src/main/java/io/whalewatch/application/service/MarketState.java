package io.whalewatch.application.service;

import io.whalewatch.domain.fee.FeeMarket;
import java.util.OptionalDouble;

/**
 * What the pipeline knows of the chain and the market right now. Mutated and read on the
 * pipeline thread only; the volatile fields let health and stats read a recent value.
 */
final class MarketState {
    private volatile FeeMarket feeMarket = FeeMarket.unknown();
    private volatile int tipHeight;
    private volatile double usdPerBtc = Double.NaN;

    FeeMarket feeMarket() {
        return feeMarket;
    }

    void feeMarket(FeeMarket market) {
        this.feeMarket = market;
    }

    int tipHeight() {
        return tipHeight;
    }

    void tipHeight(int height) {
        this.tipHeight = Math.max(tipHeight, height);
    }

    OptionalDouble usdPerBtc() {
        return Double.isNaN(usdPerBtc) ? OptionalDouble.empty() : OptionalDouble.of(usdPerBtc);
    }

    void usdPerBtc(double price) {
        if (price > 0 && Double.isFinite(price)) {
            this.usdPerBtc = price;
        }
    }
}
