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
    static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(Failure) -> SVGConverter {
        if let explicit {
            guard FileManager.default.isExecutableFile(atPath: explicit) else {
                throw Failure(message: "--rsvg \(explicit): no executable there", hint: installHint)
            }
            return SVGConverter(executable: explicit)
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/rsvg-convert"
            if FileManager.default.isExecutableFile(atPath: candidate) { return SVGConverter(executable: candidate) }
        }
        throw Failure(message: "rsvg-convert is not installed: PNG and PDF maps are converted from SVG with it", hint: installHint)
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

    /// Writes `pages` to `output` in `format`, returning the paths written. SVG needs no converter.
    static func write(pages: [String], to output: String, format: Format, converter: () throws(Failure) -> SVGConverter) throws(Failure) -> [String] {
        let paths = outputPaths(for: output, pageCount: pages.count, format: format)
        if format == .svg {
            for (page, path) in zip(pages, paths) {
                do { try Data(page.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                    throw Failure(message: "\(path): cannot write: \(error.localizedDescription)")
                }
            }
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
            try rsvg.run(inputs, format: format, to: paths[0])
        } else {
            for (input, path) in zip(inputs, paths) { try rsvg.run([input], format: format, to: path) }
        }
        return paths
    }

    /// Runs rsvg-convert on `inputs`, writing `output` through a temporary file so that a failed
    /// conversion leaves no half-written file.
    func run(_ inputs: [String], format: Format, to output: String) throws(Failure) {
        let partial = output + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--format", format.rawValue, "--output", partial] + inputs
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(message: "cannot run \(executable): \(error.localizedDescription)", hint: Self.installHint)
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: partial)
            throw Failure(message: "rsvg-convert could not write \(output): "
                + (message.isEmpty ? "exit status \(process.terminationStatus)" : message.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        do {
            if FileManager.default.fileExists(atPath: output) { try FileManager.default.removeItem(atPath: output) }
            try FileManager.default.moveItem(atPath: partial, toPath: output)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw Failure(message: "\(output): cannot write: \(error.localizedDescription)")
        }
    }
}
