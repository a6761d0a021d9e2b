/** The application facade ({@link io.whalewatch.application.WhaleWatch}) that bootstrap wires. */
package io.whalewatch.application;
