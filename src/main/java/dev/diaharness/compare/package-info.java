/**
 * {@code compare}: two runs (or two iterations) question by question — which questions a change fixed and which it
 * broke, both accuracies with their intervals, and McNemar's exact test on fixed versus broken.
 */
package dev.diaharness.compare;
