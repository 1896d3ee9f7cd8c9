/// The lab: a local web application (`lemma lab`) that renders the book and runs its experiments live.
///
/// [LabServer] holds the routes; [Book] and [ChapterRenderer] turn the book's Markdown into pages
/// (with [MathProtection] keeping `$…$` math away from the Markdown parser, so that KaTeX renders it
/// in the browser); [ExperimentApi] is the JSON face of the experiments and [RunExecutor] bounds
/// their runs; [Pages] writes the HTML around them and [SourceView] shows the repository's code
/// files, read-only. The browser side is plain JavaScript and CSS under the resources of this
/// package, with KaTeX, Plotly and highlight.js from WebJars: nothing is fetched from the network.
///
/// Book: chapter 0, section "Running Lemma".
package dev.lemma.app.lab;
