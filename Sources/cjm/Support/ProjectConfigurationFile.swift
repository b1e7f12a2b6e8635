import ArgumentParser
import JourneyKit

/// Finding and reading a project's `.cjm.json`: in the journey's folder, or the nearest folder
/// above it up to the portfolio root (the rule `uses` paths follow, `CatalogResolver`).
enum ProjectConfigurationFile {
    /// The file's name.
    static let name = ".cjm.json"
    /// The largest configuration read: a few rules fit in a kilobyte.
    static let maxSize = 1_048_576

    /// The configuration file that applies to the journey at `journeyPath` (`-` looks from the
    /// current folder; a directory, such as a portfolio's, from the directory itself), or `nil`
    /// when there is none up to the portfolio root.
    static func nearest(to journeyPath: String) -> String? {
        let start = journeyPath == InputFiles.standardInput ? "."
            : JourneyFileWalker.isDirectory(journeyPath) ? journeyPath : CatalogResolver.folder(of: journeyPath)
        guard let real = CatalogResolver.realPath(start) else { return nil }
        let root = CatalogResolver.portfolioRoot(above: real)
        var folder = real
        while true {
            let candidate = (folder == "/" ? "" : folder) + "/" + name
            if access(candidate, F_OK) == 0 { return display(candidate, from: start, real: real) }
            guard folder != root, folder != "/" else { return nil }
            folder = CatalogResolver.folder(of: folder)
        }
    }

    /// `candidate` as messages show it: relative to the folder the journey was named in,
    /// when it is there or above it (`../.cjm.json`), else absolute.
    private static func display(_ candidate: String, from start: String, real: String) -> String {
        var prefix = start == "." ? "" : (start.hasSuffix("/") ? start : start + "/")
        var folder = real
        while true {
            if candidate == (folder == "/" ? "" : folder) + "/" + name { return CatalogResolver.normalize(prefix + name) }
            guard folder != "/" else { return candidate }
            folder = CatalogResolver.folder(of: folder)
            prefix += "../"
        }
    }

    /// Reads and checks the file at `path`; prints its errors (located, with hints) and ends
    /// the command with exit code 2 when it cannot be read or is invalid.
    static func load(_ path: String) throws(ExitCode) -> ProjectConfiguration {
        let bytes: [UInt8]
        switch InputFiles.read(path, maxSize: maxSize) {
        case .success(let read): bytes = read
        case .failure(let error): throw DiagnosticOutput.fileError(path, "cannot read the configuration: \(error.message)", hint: error.hint)
        }
        let read = ProjectConfiguration.read(bytes: bytes, path: path)
        guard let configuration = read.configuration else {
            DiagnosticOutput.printToStandardError(read.errors)
            throw ExitCode(ExitStatus.invalidInput)
        }
        return configuration
    }
}
