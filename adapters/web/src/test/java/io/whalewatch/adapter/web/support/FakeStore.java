package io.whalewatch.adapter.web.support;

import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.domain.prediction.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory store of predictions in alert order; counts the pages read. */
public final class FakeStore implements ListPredictionsUseCase {
    private final ConcurrentSkipListMap<Long, Prediction> byAlertId = new ConcurrentSkipListMap<>();
    public final AtomicInteger pagesRead = new AtomicInteger();

    public void add(Prediction p) {
        byAlertId.put(p.alertId(), p);
    }

    @Override
    public List<Prediction> list(Query query) {
        pagesRead.incrementAndGet();
        List<Prediction> page = new ArrayList<>();
        for (Prediction p : byAlertId.tailMap(query.afterAlertId(), false).values()) {
            if (page.size() == query.limit()) {
                break;
            }
            page.add(p);
        }
        return page;
    }
}
