package dev.lemma.app.lab;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/// The lab's Markdown dialect: CommonMark with GitHub's tables, math protected by
/// [MathProtection]. Raw HTML in the source passes through: the book is the project's own text.
final class Markdown {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer SNIPPETS =
            HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

    private Markdown() {}

    /// The parser (thread-safe).
    static Parser parser() {
        return PARSER;
    }

    /// A renderer builder with the lab's extensions.
    static HtmlRenderer.Builder renderer() {
        return HtmlRenderer.builder().extensions(EXTENSIONS);
    }

    /// Renders a short text (an experiment's summary or note, a parameter's label) to HTML, with
    /// any HTML in it escaped. A single paragraph comes back without its `<p>`, so that the snippet
    /// can sit inside a heading or a label.
    ///
    /// @param text Markdown with `$…$` math
    /// @return the HTML
    static String snippet(String text) {
        MathProtection math = MathProtection.of(text);
        Node document = PARSER.parse(math.markdown());
        String html;
        if (document.getFirstChild() instanceof Paragraph p && p.getNext() == null) {
            StringBuilder out = new StringBuilder();
            for (Node child = p.getFirstChild(); child != null; child = child.getNext()) {
                out.append(SNIPPETS.render(child));
            }
            html = out.toString();
        } else {
            html = SNIPPETS.render(document);
        }
        return math.restoreHtml(html.strip());
    }
}
