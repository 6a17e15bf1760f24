/**
 * The shipped example workspace ({@code examples/ecommerce/}): a seeded, deterministic generator of its e-commerce
 * tables. Nothing in the tool depends on this package; it exists so the example data can be rebuilt and checked.
 */
package dev.diaharness.examples;
