/** Use-case implementations. Not exported: adapters and bootstrap reach them only through ports. */
package io.whalewatch.application.service;
