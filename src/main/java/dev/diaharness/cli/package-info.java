/**
 * The picocli commands: each parses its flags, builds the objects, makes one service call, prints a summary and returns an exit code. The only package that prints to the console.
 */
package dev.diaharness.cli;
