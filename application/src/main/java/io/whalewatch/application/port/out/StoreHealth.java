package io.whalewatch.application.port.out;

/** The store's state: {@code description} is "connected" when healthy, else what is wrong. */
public record StoreHealth(boolean healthy, String description) {
    public static StoreHealth connected() {
        return new StoreHealth(true, "connected");
    }

    public static StoreHealth failing(String why) {
        return new StoreHealth(false, why);
    }
}
