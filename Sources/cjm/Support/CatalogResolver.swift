import Foundation
import JourneyKit

/// Finds, reads and parses the catalogues journeys name in `uses`, for every command alike.
///
/// The portfolio-root rule lives here, with the file access: a `uses` path is relative, written
/// with `/`, and resolved against the journey's folder; it may not leave the portfolio root (the
/// nearest folder at or above the journey's that holds `.git` or `cjm-portfolio.json`, else the
/// journey's folder), neither by `..` nor through a symbolic link. Nothing outside the root is
/// opened: the path is checked before the file is, and its real path before it is read.
///
/// Each catalogue is parsed once per run, however many journeys use it — unless it changes on
/// disk meanwhile (`cjm serve` runs for hours): a cached catalogue whose size, modification time
/// or inode changed is read again.
final class CatalogResolver: CatalogSource, @unchecked Sendable {
    /// The one resolver of a run, so that every journey of it shares the parsed catalogues.
    static let shared = CatalogResolver()

    /// The files that mark a portfolio root.
    static let rootMarkers = [".git", "cjm-portfolio.json"]

    let maxFileSize: Int
    private let lock = NSLock()
    /// By real path: what reading the catalogue gave, and the file's signature then.
    private var cache: [String: (signature: FileSignature?, lookup: CatalogLookup)] = [:]
    /// By journey path as given: the real paths of the catalogues it named inside its root.
    private var used: [String: Set<String>] = [:]
    private var parses = 0

    init(maxFileSize: Int = 100 * 1_048_576) {
        self.maxFileSize = maxFileSize
    }

    /// How many catalogue files were parsed so far (for `cjm-bench` and the tests).
    var parseCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return parses
    }

    /// The catalogue files (real paths, inside the portfolio root) the journey at `journeyPath`
    /// named so far, found or not: what `cjm serve` watches besides the journey.
    func catalogPaths(usedBy journeyPath: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return used[journeyPath, default: []].sorted()
    }

    func catalog(_ path: String, usedBy journeyPath: String) -> CatalogLookup {
        if let problem = Self.shapeProblem(of: path) { return problem }
        let journeyFolder = Self.folder(of: journeyPath)
        guard let realFolder = Self.realPath(journeyFolder) else {
            return .unavailable(message: "cannot find the folder of the journey to resolve \"\(path)\"", hint: "check the journey's path")
        }
        let root = Self.portfolioRoot(above: realFolder)
        let target = Self.normalize(realFolder + "/" + path)
        guard Self.isInside(target, root) else {
            return .unavailable(message: "catalogue path \"\(path)\" leaves the portfolio root \(root)",
                                hint: "keep catalogues inside the portfolio (the folder with .git or cjm-portfolio.json), or add a cjm-portfolio.json to a folder above both")
        }
        lock.withLock { _ = used[journeyPath, default: []].insert(target) }
        guard let real = Self.realPath(target) else {
            return .unavailable(message: "no catalogue at \"\(path)\"", hint: "check the path; it is relative to the journey's folder")
        }
        guard Self.isInside(real, root) else {
            return .unavailable(message: "catalogue path \"\(path)\" links to a file outside the portfolio root \(root)",
                                hint: "copy the catalogue into the portfolio instead of linking to it")
        }
        guard CatalogImporter.isCatalogPath(real) else {
            return .unavailable(message: "\"\(path)\" is not a catalogue",
                                hint: "catalogue files are named NAME.catalog.json or NAME.catalog.xml")
        }
        lock.withLock { _ = used[journeyPath, default: []].insert(real) }
        let signature = FileSignature(path: real)
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[real], known.signature == signature { return known.lookup }
        let displayPath = Self.normalize(journeyFolder + "/" + path)
        let lookup: CatalogLookup
        switch InputFiles.read(real, maxSize: maxFileSize) {
        case .failure(let error):
            lookup = .unavailable(message: "cannot read catalogue \"\(path)\": \(error.message)", hint: error.hint ?? "check the file")
        case .success(let bytes):
            parses += 1
            let imported = CatalogImporter.importCatalog(from: bytes, path: displayPath)
            lookup = imported.catalog.map(CatalogLookup.found) ?? .invalid(imported.diagnostics)
        }
        cache[real] = (signature, lookup)
        return lookup
    }

    /// Absolute paths, URLs and backslashes are refused before any file is looked at.
    private static func shapeProblem(of path: String) -> CatalogLookup? {
        if path.isEmpty {
            return .unavailable(message: "an entry of \"uses\" is empty", hint: "write the catalogue's path relative to the journey, e.g. \"shared/people.catalog.json\"")
        }
        if path.hasPrefix("/") || path.hasPrefix("~") {
            return .unavailable(message: "catalogue path \"\(path)\" is absolute", hint: "write it relative to the journey's folder, with '/'")
        }
        if let colon = path.firstIndex(of: ":"), path[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }) {
            return .unavailable(message: "catalogue path \"\(path)\" is a URL or a drive path; cjm reads catalogues from the portfolio only",
                                hint: "copy the catalogue into the portfolio and write its relative path")
        }
        if path.contains("\\") {
            return .unavailable(message: "catalogue path \"\(path)\" contains '\\'", hint: "write paths with '/', on every system")
        }
        return nil
    }

    /// The folder part of a path as given ("." for a bare file name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` with `.` and `..` segments and repeated slashes removed, lexically.
    static func normalize(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", isAbsolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return isAbsolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The nearest folder at or above `folder` (a real path) holding a root marker, else `folder`.
    static func portfolioRoot(above folder: String) -> String {
        var candidate = folder
        while true {
            for marker in rootMarkers where access(candidate == "/" ? "/" + marker : candidate + "/" + marker, F_OK) == 0 {
                return candidate
            }
            guard candidate != "/" else { return folder }
            candidate = Self.folder(of: candidate)
        }
    }
}

/// What tells a changed file from the one read before: size, modification time and inode.
private struct FileSignature: Equatable {
    var size: Int
    var modified: Date
    var inode: Int

    init?(path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date else { return nil }
        self.size = size
        self.modified = modified
        self.inode = attributes[.systemFileNumber] as? Int ?? 0
    }
}
