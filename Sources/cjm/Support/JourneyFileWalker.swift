import Foundation

/// Turns `cjm check` arguments into the files to check: a file stays as named, a directory
/// becomes the journey files below it.
enum JourneyFileWalker {
    /// The file name endings of journey files that a directory walk picks up.
    static let journeySuffixes = [".journey.json", ".journey.xml"]

    /// One argument, expanded.
    enum Entry: Equatable, Sendable {
        /// A path to check (a named file, or a journey file found in a directory).
        case file(String)
        /// A directory that holds no journey file, reported rather than silently skipped.
        case emptyDirectory(String)
    }

    /// Expands `arguments` in order: files as given; directories walked recursively, their
    /// journey files in sorted path order, so the list is the same on every run and machine.
    ///
    /// Hidden entries (names starting with `.`, such as `.git` or `.build`) are skipped, and
    /// symbolic links to directories are not followed, so a walk always ends.
    static func expand(_ arguments: [String]) -> [Entry] {
        arguments.flatMap { argument -> [Entry] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [.file(argument)]
            }
            let found = journeyFiles(in: argument)
            return found.isEmpty ? [.emptyDirectory(argument)] : found.map(Entry.file)
        }
    }

    /// Whether `path` names a directory (a portfolio, for `cjm check`).
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The journey files below `directory`, each named `directory/relative/path`, sorted.
    static func journeyFiles(in directory: String) -> [String] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = prefix + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = relative + name
                var status = stat()
                // lstat: a link to a directory is not walked into; a link to a file is checked.
                guard lstat(prefix + path, &status) == 0 else { continue }
                if (status.st_mode & S_IFMT) == S_IFDIR {
                    pending.append(path + "/")
                } else if journeySuffixes.contains(where: name.hasSuffix) {
                    found.append(path)
                }
            }
        }
        // Sorted by UTF-8 bytes, not by locale: the same order everywhere.
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { prefix + $0 }
    }
}
