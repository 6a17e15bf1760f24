/**
 * Small things every package shares: the bad-input exception, the JSON mapper, atomic file writes, ordered map copies, and the one back-off rule and Retry-After parser of every retry.
 */
package dev.diaharness.core;
