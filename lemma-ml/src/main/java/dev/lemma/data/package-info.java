/// Data for learning: [dev.lemma.data.Dataset] (features, targets, names), CSV reading and writing that
/// names the line and column of every problem ([dev.lemma.data.Csv]), the bundled classic datasets
/// ([dev.lemma.data.Datasets]) and synthetic generators ([dev.lemma.data.Synthetic]).
///
/// Book: chapter 8, "Case studies".
package dev.lemma.data;
