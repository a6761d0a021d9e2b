package io.whalewatch.adapter.mempoolspace;

import jakarta.websocket.Session;

/** The open session and its endpoint, while a connection is up. */
record LiveSession(Session session, UpstreamEndpoint endpoint) { }
