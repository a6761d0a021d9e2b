package io.whalewatch.adapter.store.duckdb;

import org.jdbi.v3.core.HandleCallback;

/** Reads and transactions on the open database, with failures rephrased to name the file and the operation. */
final class StoreAccess {
    private final DuckDbDatabase db;

    StoreAccess(DuckDbDatabase db) {
        this.db = db;
    }

    <T> T read(String what, HandleCallback<T, RuntimeException> work) {
        try {
            return db.jdbi().withHandle(work);
        } catch (RuntimeException e) {
            throw StoreFailures.operation(db.file(), what, e);
        }
    }

    <T> T inTransaction(String what, HandleCallback<T, Exception> work) {
        try {
            return db.jdbi().inTransaction(work);
        } catch (Exception e) {
            throw StoreFailures.operation(db.file(), what, e);
        }
    }
}
