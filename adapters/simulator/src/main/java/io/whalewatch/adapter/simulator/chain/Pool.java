package io.whalewatch.adapter.simulator.chain;

import java.util.List;

/** A mining pool as block extras name it. */
public record Pool(int id, String name, String slug) {
    static final List<Pool> KNOWN = List.of(new Pool(111, "Foundry USA", "foundryusa"),
            new Pool(44, "AntPool", "antpool"), new Pool(73, "F2Pool", "f2pool"), new Pool(36, "ViaBTC", "viabtc"),
            new Pool(43, "Braiins Pool", "braiinspool"), new Pool(142, "MARA Pool", "marapool"),
            new Pool(105, "SpiderPool", "spiderpool"));
}
