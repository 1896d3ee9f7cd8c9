/// The `lemma` command: the entry point a user types. Each subcommand is one class; bad usage and bad
/// input end in one clear line on standard error and exit code 2.
///
/// Book: chapter 0, section "Running Lemma".
package dev.lemma.app;
