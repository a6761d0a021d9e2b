-- whalewatch schema, version 2: the RBF fee bump of replaced predictions and the durable
-- notification outbox (every accuracy alert and whale notification, with its delivery state).

-- replacement fee rate minus the original's, sat/vB; NULL when not replaced or not known
ALTER TABLE prediction_outcomes ADD COLUMN fee_bump DOUBLE;

-- One row per notification and channel. Rows are written before any delivery attempt, so a crash
-- or restart never loses a notification; attempts count across restarts. No secondary index: the
-- table stays small (retention deletes finished rows) and DuckDB updates of indexed columns are costly.
CREATE TABLE notification_outbox (
    event_id        VARCHAR   NOT NULL,                 -- stable id, sent to receivers for deduplication
    channel         VARCHAR   NOT NULL,                 -- "log", "webhook", "email"
    kind            VARCHAR   NOT NULL,                 -- "accuracy_alert" or "whale_alert"
    payload         VARCHAR   NOT NULL,                 -- the channel's rendered payload, sent byte for byte
    created_at      TIMESTAMP NOT NULL,                 -- UTC
    status          VARCHAR   NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER   NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMP NOT NULL,                 -- UTC; when a pending row is due
    last_error      VARCHAR,
    delivered_at    TIMESTAMP,
    PRIMARY KEY (event_id, channel)
);
