/**
 * Small things every package shares: the bad-input exception, the JSON mapper, atomic file writes, ordered map copies.
 */
package dev.diaharness.core;
