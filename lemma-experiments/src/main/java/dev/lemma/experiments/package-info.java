/// The experiments of the book: each one a class that computes with Lemma's own library and returns
/// charts, tables and notes.
///
/// An [Experiment] declares typed [Parameter]s; [Arguments] are the checked values of one run;
/// [Experiments] is the one registry that the lab, the command line, the book and CI all read.
/// A run is deterministic: the same arguments (seed included) give the same result.
///
/// Book: chapter 0, section "Running Lemma".
package dev.lemma.experiments;
