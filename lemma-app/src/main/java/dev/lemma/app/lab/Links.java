package dev.lemma.app.lab;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/// Rewrites the relative links of one page of the book for the lab.
///
/// The book links with paths relative to the folder of the page that holds the link (`book/` for a
/// chapter, `book/models/` for a model page), so that they work on GitHub and a test can check them.
/// In the lab: a chapter becomes `/chapters/{slug}`, `book/README.md` the home page, any other page of
/// the book `/book/{name}` ([#href(Path)]), any other file of the repository its read-only view under
/// `/source/`, and a path that leaves the repository is disarmed (`#`). Fragments are kept.
final class Links {
    private final Book book;
    private final Path folder;
    private final Set<String> chapters;

    /// Where a link goes in the lab.
    ///
    /// @param href the rewritten address
    /// @param external whether it leaves the lab (an absolute URL)
    /// @param source whether it opens the source view
    record Target(String href, boolean external, boolean source) {}

    /// The links of one page.
    ///
    /// @param book the book
    /// @param page the Markdown file holding the links, in the book: they are relative to its folder
    Links(Book book, Path page) {
        this.book = book;
        Path file = page.toAbsolutePath().normalize();
        this.folder = file.getParent() == null ? book.directory() : file.getParent();
        // Read once per page, not once per link: the table is in README.md.
        this.chapters =
                book.written().stream().map(c -> c.slug().orElseThrow()).collect(Collectors.toUnmodifiableSet());
    }

    /// Where a link of the page goes in the lab.
    ///
    /// @param destination the link as the Markdown writes it
    /// @return the lab's address
    Target rewrite(String destination) {
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
        Optional<Path> target = resolve(path);
        if (target.isEmpty()) {
            return new Target("#", false, false);
        }
        Path file = target.orElseThrow();
        Optional<String> page = href(file);
        if (page.isPresent()) {
            return new Target(page.orElseThrow() + fragment, false, false);
        }
        String relative = book.repository().relativize(file).toString().replace('\\', '/');
        return new Target("/source/" + relative + fragment, false, true);
    }

    /// The lab's address of a page of the book: `/` for `book/README.md`, `/chapters/{slug}` for a
    /// chapter of the table, `/book/{folder}` for a folder's `README.md` (or the folder itself), and
    /// `/book/{name}` for any other Markdown file (`/book/models/ridge`, `/book/glossary`).
    ///
    /// @param file an absolute, normalised path
    /// @return the address, or empty if the file is not a Markdown page of the book folder
    Optional<String> href(Path file) {
        Path f = file;
        if (f.startsWith(book.directory()) && Files.isDirectory(f) && Files.isRegularFile(f.resolve("README.md"))) {
            f = f.resolve("README.md");
        }
        String fileName = f.getFileName() == null ? "" : f.getFileName().toString();
        if (!f.startsWith(book.directory()) || !fileName.endsWith(".md")) {
            return Optional.empty();
        }
        String relative = book.directory().relativize(f).toString().replace('\\', '/');
        String name = relative.substring(0, relative.length() - ".md".length());
        if (name.equals("README")) {
            return Optional.of("/");
        }
        if (chapters.contains(name)) {
            return Optional.of("/chapters/" + name);
        }
        if (name.endsWith("/README")) {
            return Optional.of("/book/" + name.substring(0, name.length() - "/README".length()));
        }
        return Optional.of("/book/" + name);
    }

    /// Resolves a path relative to the page's folder, if it stays inside the repository.
    ///
    /// @param path the relative path, possibly URL-encoded
    /// @return the absolute, normalised path, or empty if it leaves the repository
    Optional<Path> resolve(String path) {
        Path file;
        try {
            file = folder.resolve(URLDecoder.decode(path, StandardCharsets.UTF_8))
                    .normalize();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a malformed escape or a character no path may hold
        }
        return file.startsWith(book.repository()) ? Optional.of(file) : Optional.empty();
    }
}
