import JourneyKit

/// Turns `cjm check` arguments into the files to check: a file stays as named, a directory
/// becomes the journey files below it.
enum JourneyFileWalker {
    /// The file name endings of journey files that a directory walk picks up.
    static let journeySuffixes = [".journey.json", ".journey.xml"]

    /// One argument, expanded.
    enum Entry: Equatable, Sendable {
        /// A path to check (a named file, or a journey file found in a directory).
        case file(String)
        /// A journey file whose name is not valid UTF-8: opened by its bytes, shown with the
        /// bytes that are not UTF-8 escaped.
        case undecodableName(display: String, bytes: [UInt8])
        /// A directory that holds no journey file, reported rather than silently skipped.
        case emptyDirectory(String)
        /// Something the walk found and could not, or would not, check: reported as an error.
        case skipped(path: String, message: String, hint: String?)

        /// The path as shown in messages.
        var path: String {
            switch self {
            case .file(let path), .emptyDirectory(let path), .skipped(let path, _, _): path
            case .undecodableName(let display, _): display
            }
        }
    }

    /// Expands `arguments` in order: files as given; directories walked recursively, their
    /// journey files in sorted path order, so the list is the same on every run and machine.
    ///
    /// Hidden entries (names starting with `.`, such as `.git` or `.build`) are skipped, and
    /// symbolic links to directories are not followed, so a walk always ends. A link to a
    /// journey file is checked only when it stays inside the folder given; a folder that
    /// cannot be read is reported.
    ///
    /// With `includingCatalogs` (`fmt`), catalogues (`*.catalog.json`, `*.catalog.xml`) are found too.
    static func expand(_ arguments: [String], includingCatalogs: Bool = false) -> [Entry] {
        let suffixes = includingCatalogs ? journeySuffixes + CatalogImporter.suffixes : journeySuffixes
        return arguments.flatMap { argument -> [Entry] in
            var status = stat()
            guard stat(argument, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
                return [.file(argument)]
            }
            let found = journeyFiles(in: argument, suffixes: suffixes)
            return found.isEmpty ? [.emptyDirectory(argument)] : found
        }
    }

    /// Whether `path` names a directory (a portfolio, for `cjm check`).
    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The journey files below `directory`, each named `directory/relative/path`, sorted, with
    /// the problems met on the way in their place.
    static func journeyFiles(in directory: String, suffixes: [String] = journeySuffixes) -> [Entry] {
        let prefix = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8)
        let root = realPath(prefix).map { $0 + [UInt8(ascii: "/")] }
        var found: [(path: [UInt8], entry: Entry)] = []
        var pending: [[UInt8]] = [[]]
        while let relative = pending.popLast() {
            let folder = prefix + relative
            guard let names = entryNames(of: folder) else {
                let reason = String(cString: strerror(errno))
                found.append((folder, .skipped(path: display(Array(folder.dropLast())), message: "cannot read the folder: \(reason)",
                                               hint: "its journeys are not checked; check its permissions")))
                continue
            }
            for name in names where name.first != UInt8(ascii: ".") {
                let path = relative + name
                let full = prefix + path
                var status = stat()
                // lstat: a link to a directory is not walked into; a link to a file is checked.
                guard withCString(full, { lstat($0, &status) }) == 0 else { continue }
                let kind = status.st_mode & S_IFMT
                if kind == S_IFDIR {
                    pending.append(path + [UInt8(ascii: "/")])
                    continue
                }
                guard suffixes.contains(where: { name.ends(with: Array($0.utf8)) }) else { continue }
                // A pipe named like a journey would make the walk wait for its writer.
                guard kind != S_IFIFO else {
                    found.append((full, .skipped(path: display(full), message: "it is a named pipe, which a folder walk does not read",
                                                 hint: "name it on the command line to read it")))
                    continue
                }
                if kind == S_IFLNK {
                    guard let root, let resolved = realPath(full), resolved.starts(with: root) else {
                        found.append((full, .skipped(path: display(full), message: "the link points outside \(directory); it is not followed",
                                                     hint: "name the file it points at on the command line to check it")))
                        continue
                    }
                }
                if let text = String(validating: full, as: UTF8.self) {
                    found.append((full, .file(text)))
                } else {
                    found.append((full, .undecodableName(display: display(full), bytes: full)))
                }
            }
        }
        // Sorted by bytes, not by locale: the same order everywhere.
        return found.sorted { $0.path.lexicographicallyPrecedes($1.path) }.map(\.entry)
    }

    /// A path for messages: valid UTF-8 as it is, any other byte as `\x{FF}`.
    static func display(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var result = ""
        var index = 0
        while index < bytes.count {
            // The longest valid UTF-8 sequence starting here (1 to 4 bytes), else one escaped byte.
            var matched = false
            for length in stride(from: min(4, bytes.count - index), through: 1, by: -1) {
                if let piece = String(validating: bytes[index..<index + length], as: UTF8.self), piece.unicodeScalars.count == 1 {
                    result += piece
                    index += length
                    matched = true
                    break
                }
            }
            if !matched {
                let hex = String(bytes[index], radix: 16, uppercase: true)
                result += "\\x{\(hex.count == 1 ? "0" + hex : hex)}"
                index += 1
            }
        }
        return result
    }

    /// The names in a folder as bytes, or `nil` with `errno` set when it cannot be read.
    private static func entryNames(of folder: [UInt8]) -> [[UInt8]]? {
        guard let handle = withCString(folder, { opendir($0) }) else { return nil }
        defer { closedir(handle) }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        return names
    }

    private static func realPath(_ path: [UInt8]) -> [UInt8]? {
        guard let resolved = withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: strlen(resolved)))
    }

    private static func withCString<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
