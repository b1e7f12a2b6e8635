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
/// or inode changed is read again. Where an entry leads from a folder is worked out once per run
/// too, except in `cjm serve`, where folders may be renamed and links changed meanwhile.
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
    private var resolves = 0
    /// By the journey's folder as given and the entry: where it leads.
    private var resolutions: [ResolutionKey: Resolution] = [:]
    private var remembers = true

    init(maxFileSize: Int = 100 * 1_048_576) {
        self.maxFileSize = maxFileSize
    }

    /// Whether where a `uses` entry leads from a folder is worked out once and kept (on by
    /// default: a command's run is short); `cjm serve` turns it off.
    var remembersResolutions: Bool {
        get { lock.withLock { remembers } }
        set { lock.withLock { remembers = newValue; resolutions = [:] } }
    }

    private struct ResolutionKey: Hashable {
        var folder: String
        var path: String
    }

    /// How many catalogue files were parsed so far (for `cjm-bench` and the tests).
    var parseCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return parses
    }

    /// How often a `uses` entry was resolved to a file so far (for the tests).
    var resolutionCount: Int {
        lock.withLock { resolves }
    }

    /// The catalogue files (real paths, inside the portfolio root) the journey at `journeyPath`
    /// named so far, found or not: what `cjm serve` watches besides the journey.
    func catalogPaths(usedBy journeyPath: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return used[journeyPath, default: []].sorted()
    }

    func catalog(_ path: String, usedBy journeyPath: String) -> CatalogLookup {
        let journeyFolder = Self.folder(of: journeyPath)
        let resolution = resolution(of: path, in: journeyFolder)
        if !resolution.watched.isEmpty {
            lock.withLock { used[journeyPath, default: []].formUnion(resolution.watched) }
        }
        let real: String, displayPath: String
        switch resolution.outcome {
        case .refused(let lookup): return lookup
        case .file(let file, let display): (real, displayPath) = (file, display)
        }
        // One stat per journey: a catalogue changed on disk since it was parsed is read again.
        let signature = FileSignature(path: real)
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[real], known.signature == signature { return known.lookup }
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

    /// Where a `uses` entry written in a journey of `journeyFolder` leads: the catalogue file,
    /// or why it may not be read, with the paths `cjm serve` is to watch for it.
    private struct Resolution {
        enum Outcome {
            case file(real: String, displayPath: String)
            case refused(CatalogLookup)
        }
        var outcome: Outcome
        var watched: [String] = []
    }

    /// The resolution of `path` from `journeyFolder`, worked out once per folder and entry when
    /// `remembersResolutions`: the real paths and the root walk cost a dozen system calls, and
    /// the journeys of a portfolio sit in few folders and name the same catalogues.
    private func resolution(of path: String, in journeyFolder: String) -> Resolution {
        let key = ResolutionKey(folder: journeyFolder, path: path)
        lock.lock()
        let known = resolutions[key]
        lock.unlock()
        if let known { return known }
        let resolution = Self.resolve(path, in: journeyFolder)
        lock.withLock {
            resolves += 1
            if remembers { resolutions[key] = resolution }
        }
        return resolution
    }

    private static func resolve(_ path: String, in journeyFolder: String) -> Resolution {
        if let problem = shapeProblem(of: path) { return Resolution(outcome: .refused(problem)) }
        guard let realFolder = realPath(journeyFolder) else {
            return Resolution(outcome: .refused(.unavailable(message: "cannot find the folder of the journey to resolve \"\(path)\"",
                                                             hint: "check the journey's path")))
        }
        let root = portfolioRoot(above: realFolder)
        let target = normalize(realFolder + "/" + path)
        guard isInside(target, root) else {
            return Resolution(outcome: .refused(.unavailable(
                message: "catalogue path \"\(path)\" leaves the portfolio root \(root)",
                hint: "keep catalogues inside the portfolio (the folder with .git or cjm-portfolio.json), or add a cjm-portfolio.json to a folder above both")))
        }
        guard let real = realPath(target) else {
            return Resolution(outcome: .refused(.unavailable(message: "no catalogue at \"\(path)\"", hint: "check the path; it is relative to the journey's folder")),
                              watched: [target])
        }
        guard isInside(real, root) else {
            return Resolution(outcome: .refused(.unavailable(message: "catalogue path \"\(path)\" links to a file outside the portfolio root \(root)",
                                                             hint: "copy the catalogue into the portfolio instead of linking to it")),
                              watched: [target])
        }
        guard CatalogImporter.isCatalogPath(real) else {
            return Resolution(outcome: .refused(.unavailable(message: "\"\(path)\" is not a catalogue",
                                                             hint: "catalogue files are named NAME.catalog.json or NAME.catalog.xml")),
                              watched: [target])
        }
        return Resolution(outcome: .file(real: real, displayPath: normalize(journeyFolder + "/" + path)), watched: [target, real])
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

/// What tells a changed file from the one read before: size, modification time and file
/// number, from one `stat` (Foundation's `attributesOfItem` also reads the owner's and group's
/// names and the extended attributes: some forty system calls, per journey).
private struct FileSignature: Equatable {
    var size: Int
    var modified: Platform.FileTime
    var device: UInt64
    var inode: UInt64

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        size = Int(status.st_size)
        modified = Platform.modificationTime(status)
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
