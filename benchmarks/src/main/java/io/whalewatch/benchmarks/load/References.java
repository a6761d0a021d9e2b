package io.whalewatch.benchmarks.load;

import com.fasterxml.jackson.core.JsonFactory;

/** Shared reference settings: the Jackson factory of the physical reference (document limits lifted, as the source does). */
public final class References {
    public static final JsonFactory JSON = FrameIndex.JSON;

    private References() {
    }
}
