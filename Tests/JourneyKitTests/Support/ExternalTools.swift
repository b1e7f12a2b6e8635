import Foundation
import Testing

/// The programs and Python packages some tests run to check cjm against the real thing
/// (Graphviz, libxml2's xmllint, a JSON Schema validator, Mermaid's own parser, git).
///
/// A test that needs one declares it with the trait `.requires(.dot)`. Where the tool is
/// missing, Swift Testing reports the test as skipped, with a note on how to install it — never
/// as passed. In CI (`CI=true`), where `.ci/run` installs every tool, the test always runs and
/// ``path()`` fails it when the tool is missing, so a broken CI image cannot turn checks off.
enum ExternalTool: String, CaseIterable, Sendable {
    case git
    /// Graphviz's `dot`.
    case dot
    /// libxml2's command-line validator.
    case xmllint
    /// `python3` with the `jsonschema` package, for `scripts/validate-json-schema.py`.
    case jsonSchema
    /// `python3` with the `mmdc` package (mermaid.js in QuickJS), for `scripts/mermaid-journey.py`.
    case mermaidParser
    /// util-linux `script`, which runs a command in a pseudo-terminal.
    case script
    /// librsvg's SVG rasteriser (no test needs it yet).
    case rsvgConvert
    /// A headless browser: loads the HTML report and served pages (`cjm report`, `cjm serve`).
    case chromium

    /// Whether this is a CI run, where a missing tool fails the tests that need it.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The program names to look for on PATH, in order of preference.
    var programs: [String] {
        switch self {
        case .git: ["git"]
        case .dot: ["dot"]
        case .xmllint: ["xmllint"]
        case .jsonSchema, .mermaidParser: ["python3"]
        case .script: ["script"]
        case .rsvgConvert: ["rsvg-convert"]
        case .chromium: ["chromium", "chromium-browser", "google-chrome"]
        }
    }

    /// The Python modules the tool needs, imported once to see whether they are installed.
    var pythonModules: [String] {
        switch self {
        case .jsonSchema: ["jsonschema"]
        case .mermaidParser: ["mmdc", "quickjs"]
        default: []
        }
    }

    /// How to install the tool, for skip notes and failures.
    var installation: String {
        switch self {
        case .git: "apt-get install git"
        case .dot: "apt-get install graphviz"
        case .xmllint: "apt-get install libxml2-utils"
        case .jsonSchema: "pip install jsonschema"
        case .mermaidParser: "pip install mmdc==0.7.0"
        case .script: "apt-get install util-linux"
        case .rsvgConvert: "apt-get install librsvg2-bin"
        case .chromium: "apt-get install chromium"
        }
    }

    /// What the tool is, in the words of a skip note.
    var name: String {
        switch self {
        case .jsonSchema: "Python's jsonschema"
        case .mermaidParser: "Mermaid's parser (Python's mmdc)"
        case .dot: "Graphviz's dot"
        default: programs.first ?? rawValue
        }
    }

    /// The path of the program to run, or `nil` when the tool is missing; probed once per run.
    var installedPath: String? {
        Self.probes.withLock { probes in
            if let known = probes[self] { return known }
            let found = probe()
            probes[self] = .some(found)
            return found
        }
    }

    /// Whether a test needing the tool runs: where it is installed, and always in CI.
    var shouldRun: Bool { Self.isCI || installedPath != nil }

    /// Shown by Swift Testing next to a test skipped for want of the tool.
    var skipNote: Comment {
        Comment(rawValue: "skipped: \(name) is not installed (\(installation)); CI (CI=true) installs it and runs this test")
    }

    /// The path of the program to run; throws — failing the test — when the tool is missing,
    /// which only happens in CI since `.requires` skips the test elsewhere.
    func path() throws -> String {
        guard let path = installedPath else { throw Missing(tool: self) }
        return path
    }

    struct Missing: Error, CustomStringConvertible {
        var tool: ExternalTool
        var description: String {
            "\(tool.name) is not installed (\(tool.installation)); .ci/run installs it, see the README's prerequisites"
        }
    }

    private static let probes = LockedBox<[ExternalTool: String?]>([:])

    private func probe() -> String? {
        guard let program = programs.lazy.compactMap(Subprocess.find).first else { return nil }
        guard !pythonModules.isEmpty else { return program }
        let imports = "import " + pythonModules.joined(separator: ", ")
        guard let result = try? Subprocess.run(program, ["-W", "ignore", "-c", imports]), result.status == 0 else { return nil }
        return program
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only where `tool` is installed, and always in CI, where a missing tool
    /// then fails it (see ``ExternalTool``).
    static func requires(_ tool: ExternalTool) -> Self {
        .enabled(if: tool.shouldRun, tool.skipNote)
    }
}
