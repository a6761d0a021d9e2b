/** Out-ports: what the use cases need from the outside world, implemented by adapters. */
package io.whalewatch.application.port.out;
