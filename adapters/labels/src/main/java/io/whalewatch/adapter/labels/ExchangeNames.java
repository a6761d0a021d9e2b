package io.whalewatch.adapter.labels;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one rule that turns a raw label ("binance", "OKEx", "Kraken.com", "bitmex") into the
 * exchange name shown in signals, applied to every source so that the same exchange gets the same
 * name wherever it was labelled:
 * <ol>
 *   <li>trim and collapse runs of white space;</li>
 *   <li>if the name, reduced to lower-case letters and digits, is a known exchange or alias, use
 *       its canonical spelling ("okex" and "okx" are "OKX", "htx" and "huobi" are "Huobi",
 *       "cryptocom" is "Crypto.com"); also after dropping a trailing ".com", ".io" or ".net";</li>
 *   <li>otherwise, a name written all in lower case gets each word capitalised
 *       ("big exchange" becomes "Big Exchange"); any other name is kept as written.</li>
 * </ol>
 */
final class ExchangeNames {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]");
    private static final Pattern DOMAIN = Pattern.compile("\\.(com|io|net)$");
    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("binance", "Binance"), Map.entry("bitfinex", "Bitfinex"), Map.entry("kraken", "Kraken"),
            Map.entry("coinbase", "Coinbase"), Map.entry("okx", "OKX"), Map.entry("okex", "OKX"),
            Map.entry("huobi", "Huobi"), Map.entry("htx", "Huobi"), Map.entry("bitstamp", "Bitstamp"),
            Map.entry("robinhood", "Robinhood"), Map.entry("bitmex", "BitMEX"), Map.entry("kucoin", "KuCoin"),
            Map.entry("cryptocom", "Crypto.com"), Map.entry("bybit", "Bybit"), Map.entry("deribit", "Deribit"),
            Map.entry("gemini", "Gemini"), Map.entry("bittrex", "Bittrex"), Map.entry("poloniex", "Poloniex"),
            Map.entry("gateio", "Gate.io"), Map.entry("bitflyer", "bitFlyer"), Map.entry("bithumb", "Bithumb"),
            Map.entry("upbit", "Upbit"), Map.entry("swissborg", "SwissBorg"), Map.entry("bitget", "Bitget"),
            Map.entry("mexc", "MEXC"), Map.entry("luno", "Luno"), Map.entry("btce", "BTC-e"),
            Map.entry("coincheck", "Coincheck"), Map.entry("bitpanda", "Bitpanda"));

    private ExchangeNames() {
    }

    /** The display name for a raw label, or an empty string when the label is blank. */
    static String normalise(String raw) {
        String name = SPACES.matcher(raw == null ? "" : raw.strip()).replaceAll(" ");
        String lower = name.toLowerCase(Locale.ROOT);
        String known = CANONICAL.get(NOT_ALNUM.matcher(lower).replaceAll(""));
        if (known == null) {
            known = CANONICAL.get(NOT_ALNUM.matcher(DOMAIN.matcher(lower).replaceAll("")).replaceAll(""));
        }
        if (known != null) {
            return known;
        }
        return lower.equals(name) ? capitaliseWords(name) : name;
    }

    private static String capitaliseWords(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ';
        }
        return out.toString();
    }
}
