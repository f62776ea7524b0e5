/**
 * The command line: picocli commands, output for people and scripts (lines, JSON, tables),
 * exit codes, and the flag hints added to the stages' neutral messages
 * ({@code FlagHints}). It sees the archive package and the values it prints, and fills the
 * archive's interfaces with the index; no pipeline work is done here.
 */
package dev.arca.cli;
