/** In-ports: the use cases adapters and bootstrap may drive. */
package io.whalewatch.application.port.in;
