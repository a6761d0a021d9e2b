package io.whalewatch.adapter.alpha;

import io.whalewatch.adapter.beta.BetaThing;

/** An adapter reaching into another adapter, a service and ServiceLoader. Test fixture only. */
public class AlphaThing {
    final BetaThing other = new BetaThing();
    final Object loader = java.util.ServiceLoader.load(Runnable.class);
    final Object service = io.whalewatch.application.service.ServiceAssembly.class;
}
