import Foundation

/// Writes the pages of a map (SVG documents) as SVG, PNG or PDF files; PNG and PDF are
/// converted by `rsvg-convert` (librsvg), found on `PATH` or given with `--rsvg PATH`.
///
/// A one-page map is written as exactly the output path; a map of several pages as
/// `OUT-1.png`, `OUT-2.png`… (SVG and PNG), or as one PDF with every page.
struct SVGConverter {
    /// The output formats, chosen by the output file's extension.
    enum Format: String, CaseIterable {
        case svg, png, pdf

        /// The format of `path` by its extension, or nil.
        init?(path: String) {
            self.init(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased())
        }
    }

    /// Why the map could not be written, in words for the person at the terminal.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var hint: String?
        var description: String { message + (hint.map { "\n  hint: \($0)" } ?? "") }
    }

    /// The `rsvg-convert` executable used for PNG and PDF.
    var executable: String

    /// Finds `rsvg-convert`: the `--rsvg` path when given, else the first on `PATH`.
    static func locate(explicit: String?) throws(Failure) -> SVGConverter {
        guard let executable = ExternalProgram.find("rsvg-convert", at: explicit) else {
            let message = explicit.map { "--rsvg \($0): no executable there" }
                ?? "rsvg-convert is not installed: PNG and PDF maps are converted from SVG with it"
            throw Failure(message: message, hint: installHint)
        }
        return SVGConverter(executable: executable)
    }

    static let installHint = "install librsvg (Debian/Ubuntu: apt-get install librsvg2-bin; macOS: brew install librsvg), "
        + "give its path with --rsvg PATH, or write SVG with -o OUT.svg"

    /// The files a map of `pageCount` pages is written to: `output` itself for one page (and for
    /// PDF, which holds every page), else `OUT-1.ext`, `OUT-2.ext`….
    static func outputPaths(for output: String, pageCount: Int, format: Format) -> [String] {
        guard pageCount > 1, format != .pdf else { return [output] }
        // Split at the extension's dot, as typed (a dot in a folder name is not an extension).
        let nameStart = output.lastIndex(of: "/").map(output.index(after:)) ?? output.startIndex
        let dot = output[nameStart...].lastIndex(of: ".").flatMap { $0 == nameStart ? nil : $0 }
        let stem = dot.map { String(output[..<$0]) } ?? output
        let ext = dot.map { String(output[$0...]) } ?? ""
        return (1...pageCount).map { "\(stem)-\($0)\(ext)" }
    }

    /// Writes `pages` to `output` in `format`, returning the paths written. SVG needs no
    /// converter. Every file is written atomically (`AtomicFile`), so a failed conversion
    /// leaves nothing half-written.
    static func write(pages: [String], to output: String, format: Format, converter: () throws(Failure) -> SVGConverter) throws(Failure) -> [String] {
        let paths = outputPaths(for: output, pageCount: pages.count, format: format)
        if format == .svg {
            for (page, path) in zip(pages, paths) { try save(Array(page.utf8), to: path) }
            return paths
        }
        let rsvg = try converter()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-map-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var inputs: [String] = []
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            for (index, page) in pages.enumerated() {
                let file = scratch.appendingPathComponent("page-\(index + 1).svg")
                try Data(page.utf8).write(to: file)
                inputs.append(file.path)
            }
        } catch {
            throw Failure(message: "cannot write the map's pages to a temporary folder: \(error.localizedDescription)")
        }
        if format == .pdf {
            // rsvg-convert puts several SVG inputs into one PDF, a page each.
            try save(rsvg.convert(inputs, to: format), to: paths[0])
        } else {
            for (input, path) in zip(inputs, paths) { try save(rsvg.convert([input], to: format), to: path) }
        }
        return paths
    }

    /// The image `rsvg-convert` makes of `inputs`, read from its standard output.
    func convert(_ inputs: [String], to format: Format) throws(Failure) -> [UInt8] {
        let result: ExternalProgram.Result
        do {
            result = try ExternalProgram.run(executable, arguments: ["--format", format.rawValue] + inputs, input: [])
        } catch {
            throw Failure(message: "cannot run \(executable): \(error.localizedDescription)", hint: Self.installHint)
        }
        guard result.status == 0, !result.output.isEmpty else {
            let message = result.messages.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(message: "rsvg-convert could not convert the map: "
                + (message.isEmpty ? "exit status \(result.status)" : message))
        }
        return result.output
    }

    private static func save(_ bytes: [UInt8], to path: String) throws(Failure) {
        var bytes = bytes
        do {
            try AtomicFile.write(bytes: &bytes, to: path)
        } catch {
            throw Failure(message: "cannot write \(error.path): \(error.message)", hint: error.hint)
        }
    }
}
