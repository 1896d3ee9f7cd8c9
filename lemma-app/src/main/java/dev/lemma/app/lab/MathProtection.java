package dev.lemma.app.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Keeps LaTeX math away from the Markdown parser.
///
/// Markdown would read the `_` and `*` of `$a_1 * b_2$` as emphasis and the `\\` of a matrix as
/// an escape. So before parsing, every `$…$` and `$$…$$` outside code is replaced by a token made
/// of letters and digits only, which Markdown leaves alone; after rendering, each token is replaced
/// by its math, HTML-escaped, inside an element that KaTeX's auto-render finds in the browser.
///
/// The delimiters follow Pandoc's rules: an inline `$` opens only if the next character is not a
/// space and closes only if the previous one is not a space and the next is not a digit (so that
/// "from $5 to $10" stays text); `\$` is a literal dollar; `$$` may span lines. Fenced code blocks
/// and code spans are copied untouched.
final class MathProtection {
    private static final String TOKEN_PREFIX = "LEMMAMATHTOKEN";
    private static final Pattern TOKEN = Pattern.compile(TOKEN_PREFIX + "(\\d+)X");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,}).*");

    private final List<String> math = new ArrayList<>();
    private final String markdown;

    private MathProtection(String source) {
        this.markdown = protect(source);
    }

    /// Replaces the math of a Markdown text by tokens.
    ///
    /// @param source the Markdown
    /// @return the protected text, which remembers the math it took out
    static MathProtection of(String source) {
        return new MathProtection(source);
    }

    /// The Markdown with each piece of math replaced by a token.
    String markdown() {
        return markdown;
    }

    /// The pieces of math taken out, delimiters included, in order.
    List<String> math() {
        return List.copyOf(math);
    }

    /// Puts the math back into rendered HTML: inline math in a `span.math`, display math in a
    /// `span.math.display` (a span, because the token may sit inside a paragraph).
    ///
    /// @param html the HTML rendered from [#markdown()]
    /// @return the HTML with the math, escaped, in place of the tokens
    String restoreHtml(String html) {
        Matcher m = TOKEN.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 64);
        while (m.find()) {
            String tex = math.get(Integer.parseInt(m.group(1)));
            String cls = tex.startsWith("$$") ? "math display" : "math inline";
            m.appendReplacement(out, "");
            out.append("<span class=\"")
                    .append(cls)
                    .append("\">")
                    .append(Html.escape(tex))
                    .append("</span>");
        }
        m.appendTail(out);
        return out.toString();
    }

    /// Puts the math back as plain text (delimiters included), for heading anchors and titles.
    ///
    /// @param text text rendered from [#markdown()]
    /// @return the text with the math in place of the tokens
    String restoreText(String text) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(math.get(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String token(String tex) {
        math.add(tex);
        return TOKEN_PREFIX + (math.size() - 1) + "X";
    }

    private String protect(String source) {
        StringBuilder out = new StringBuilder(source.length());
        List<String> lines = source.lines().toList();
        String fence = null;
        StringBuilder prose = new StringBuilder();
        for (String line : lines) {
            Matcher f = FENCE.matcher(line);
            if (fence == null && f.matches()) {
                out.append(protectProse(prose.toString()));
                prose.setLength(0);
                fence = f.group(1);
                out.append(line).append('\n');
            } else if (fence != null) {
                out.append(line).append('\n');
                String stripped = line.strip();
                char mark = fence.charAt(0);
                if (stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == mark)) {
                    fence = null;
                }
            } else {
                prose.append(line).append('\n');
            }
        }
        out.append(protectProse(prose.toString()));
        return out.toString();
    }

    /// Protects math in text that holds no fenced code (but may hold code spans).
    private String protectProse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                int run = runLength(text, i, '`');
                int close = closingBackticks(text, i + run, run);
                int end = close < 0 ? i + run : close + run;
                out.append(text, i, end);
                i = end;
            } else if (c == '$' && i + 1 < n && text.charAt(i + 1) == '$') {
                int close = text.indexOf("$$", i + 2);
                if (close < 0) {
                    out.append("$$");
                    i += 2;
                } else {
                    out.append(token(text.substring(i, close + 2)));
                    i = close + 2;
                }
            } else if (c == '$') {
                int close = closingDollar(text, i);
                if (close < 0) {
                    out.append(c);
                    i++;
                } else {
                    out.append(token(text.substring(i, close + 1)));
                    i = close + 1;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int runLength(String text, int from, char c) {
        int j = from;
        while (j < text.length() && text.charAt(j) == c) {
            j++;
        }
        return j - from;
    }

    /// The start of the next run of exactly `run` backticks, or -1.
    private static int closingBackticks(String text, int from, int run) {
        int j = from;
        while (j < text.length()) {
            if (text.charAt(j) == '`') {
                int r = runLength(text, j, '`');
                if (r == run) {
                    return j;
                }
                j += r;
            } else {
                j++;
            }
        }
        return -1;
    }

    /// The closing `$` of inline math opened at `open`, or -1 when it is not math.
    private static int closingDollar(String text, int open) {
        int n = text.length();
        if (open + 1 >= n || Character.isWhitespace(text.charAt(open + 1))) {
            return -1;
        }
        for (int j = open + 1; j < n; j++) {
            char c = text.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '\n' && j + 1 < n && text.charAt(j + 1) == '\n') {
                return -1; // inline math never crosses a paragraph break
            } else if (c == '$') {
                boolean spaceBefore = Character.isWhitespace(text.charAt(j - 1));
                boolean digitAfter = j + 1 < n && Character.isDigit(text.charAt(j + 1));
                if (!spaceBefore && !digitAfter) {
                    return j;
                }
                if (spaceBefore) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
