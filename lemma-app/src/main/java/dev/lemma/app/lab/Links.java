package dev.lemma.app.lab;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/// Rewrites the book's relative links for the lab.
///
/// The book links with paths relative to `book/`, so that they work on GitHub and a test can check
/// them. In the lab: a chapter becomes `/chapters/{slug}`, `README.md` the home page, any other
/// file of the repository its read-only view under `/source/`, and a path that leaves the
/// repository is disarmed (`#`).
final class Links {
    private Links() {}

    /// Where a link goes in the lab.
    ///
    /// @param href the rewritten address
    /// @param external whether it leaves the lab (an absolute URL)
    /// @param source whether it opens the source view
    record Target(String href, boolean external, boolean source) {}

    static Target rewrite(Book book, String destination) {
        String d = destination == null ? "" : destination.strip();
        String lower = d.toLowerCase(Locale.ROOT);
        if (d.isEmpty() || d.startsWith("#")) {
            return new Target(d, false, false);
        }
        if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("mailto:")) {
            return new Target(d, true, false);
        }
        if (lower.contains(":") || d.startsWith("/")) {
            return new Target("#", false, false); // another scheme or an absolute path: not ours
        }
        int hash = d.indexOf('#');
        String path = hash < 0 ? d : d.substring(0, hash);
        String fragment = hash < 0 ? "" : d.substring(hash);
        Optional<Path> target = resolve(book, path);
        if (target.isEmpty()) {
            return new Target("#", false, false);
        }
        Path file = target.orElseThrow();
        if (file.getParent() != null && file.getParent().equals(book.directory()) && path.endsWith(".md")) {
            String name = file.getFileName().toString();
            if (name.equals("README.md")) {
                return new Target("/" + fragment, false, false);
            }
            return new Target("/chapters/" + name.substring(0, name.length() - 3) + fragment, false, false);
        }
        String relative = book.repository().relativize(file).toString().replace('\\', '/');
        return new Target("/source/" + relative + fragment, false, true);
    }

    /// Resolves a path relative to the book folder, if it stays inside the repository.
    ///
    /// @param book the book
    /// @param path the relative path, possibly URL-encoded
    /// @return the absolute, normalised path, or empty if it leaves the repository
    static Optional<Path> resolve(Book book, String path) {
        String decoded;
        try {
            decoded = URLDecoder.decode(path, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Path file = book.directory().resolve(decoded).normalize();
        return file.startsWith(book.repository()) ? Optional.of(file) : Optional.empty();
    }
}
