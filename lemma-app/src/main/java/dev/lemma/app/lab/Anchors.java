package dev.lemma.app.lab;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/// GitHub-style heading anchors, so that a link written for the book on GitHub
/// (`01-linear-algebra.md#11-vectors-and-matrices`) lands on the same heading in the lab.
///
/// The rule: lower-case the heading's text, drop every character that is not a letter, a digit, a
/// space, a hyphen or an underscore, turn each space into a hyphen; a repeated anchor gets `-1`,
/// `-2`, … appended. One instance numbers the anchors of one page.
final class Anchors {
    private final Map<String, Integer> seen = new HashMap<>();

    /// The anchor of the next heading with this text.
    ///
    /// @param text the heading's plain text
    /// @return a unique anchor on this page
    String next(String text) {
        String base = slug(text);
        Integer count = seen.get(base);
        seen.put(base, count == null ? 1 : count + 1);
        return count == null ? base : base + "-" + count;
    }

    /// The GitHub slug of a text, without de-duplication.
    ///
    /// @param text the text
    /// @return the slug
    static String slug(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.strip().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.appendCodePoint(c);
            } else if (c == ' ') {
                out.append('-');
            }
        });
        return out.toString();
    }
}
