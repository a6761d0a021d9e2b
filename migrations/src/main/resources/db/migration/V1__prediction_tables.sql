-- whalewatch schema, version 1.
-- Column names follow the operations guide and the quickstart, so that their SQL runs unchanged.
-- Timestamps are TIMESTAMP (no time zone) holding UTC wall-clock time, microsecond precision;
-- detection_timestamp is TIMESTAMP_NS so that the detection instant reads back exactly.
-- No foreign key from prediction_outcomes to mempool_predictions: the guide's maintenance deletes
-- old predictions before old outcomes, which a foreign key would reject.

CREATE TABLE mempool_predictions (
    prediction_id                VARCHAR PRIMARY KEY,
    alert_id                     BIGINT  NOT NULL UNIQUE,
    transaction_id               VARCHAR NOT NULL,
    flow_type                    VARCHAR NOT NULL CHECK (flow_type IN ('inflow', 'outflow', 'internal', 'unknown')),
    btc_value                    DOUBLE  NOT NULL,          -- transferred BTC (total output less change)
    total_output_btc             DOUBLE,
    transferred_sats             BIGINT,
    total_output_sats            BIGINT,
    change_sats                  BIGINT,
    fee_rate                     DOUBLE  NOT NULL CHECK (fee_rate >= 0),  -- sat/vB
    urgency_score                DOUBLE  NOT NULL CHECK (urgency_score >= 0 AND urgency_score <= 1),
    rbf_enabled                  BOOLEAN NOT NULL,
    detection_timestamp          TIMESTAMP_NS NOT NULL,     -- exact detection instant
    prediction_timestamp         TIMESTAMP NOT NULL,        -- the same instant in microseconds (name used by the guide)
    tip_height                   INTEGER,
    predicted_confirmation_block INTEGER,
    exchange_addresses           VARCHAR,                   -- JSON array of strings
    exchange_names               VARCHAR,                   -- JSON array of strings
    confidence_score             DOUBLE,
    flags                        VARCHAR,                   -- JSON array of lower-case flag names
    usd_price                    DOUBLE,                    -- USD per BTC at detection, NULL when unknown
    usd_value                    DOUBLE,                    -- btc_value * usd_price, NULL when unknown
    was_modified                 BOOLEAN DEFAULT FALSE,
    created_at                   TIMESTAMP DEFAULT current_timestamp
);

CREATE INDEX idx_predictions_transaction_id ON mempool_predictions (transaction_id);
CREATE INDEX idx_predictions_prediction_timestamp ON mempool_predictions (prediction_timestamp);

CREATE TABLE prediction_outcomes (
    outcome_id             VARCHAR PRIMARY KEY,             -- derived from prediction_id (stable)
    prediction_id          VARCHAR NOT NULL UNIQUE,
    transaction_id         VARCHAR NOT NULL,
    predicted_flow         VARCHAR NOT NULL,
    outcome_status         VARCHAR NOT NULL CHECK (outcome_status IN ('confirmed', 'replaced', 'dropped')),
    actual_outcome         VARCHAR,                         -- same value as outcome_status (quickstart schema)
    provisional            BOOLEAN NOT NULL DEFAULT FALSE,  -- drops stay provisional until final
    confirmation_block     INTEGER,
    confirmation_time      TIMESTAMP,                       -- block time, when confirmed
    confirmation_timestamp TIMESTAMP NOT NULL,              -- when the outcome was determined
    outcome_time           TIMESTAMP NOT NULL,              -- when it happened (block time, replacement or drop time)
    blocks_off             INTEGER,                         -- confirmation_block - predicted_confirmation_block
    time_to_confirmation   INTEGER,                         -- seconds from detection to confirmation
    prediction_accuracy    BOOLEAN,                         -- NULL while not final
    accuracy_score         DOUBLE,                          -- 1.0 / 0.0 when final, else NULL
    replaced_by            VARCHAR,                         -- txid of the replacement
    final_fee_rate         DOUBLE,
    created_at             TIMESTAMP DEFAULT current_timestamp,
    updated_at             TIMESTAMP DEFAULT current_timestamp
);

CREATE INDEX idx_outcomes_confirmation_timestamp ON prediction_outcomes (confirmation_timestamp);

CREATE TABLE system_metrics (
    timestamp    TIMESTAMP NOT NULL,
    metric_name  VARCHAR   NOT NULL,
    metric_value DOUBLE    NOT NULL,
    labels       VARCHAR                                    -- JSON object text, optional
);

CREATE INDEX idx_system_metrics_name_time ON system_metrics (metric_name, timestamp);
