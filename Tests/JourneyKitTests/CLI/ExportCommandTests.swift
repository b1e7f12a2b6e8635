import Foundation
import Testing

@Suite("cjm export and cjm render")
struct ExportCommandTests {
    static let sample = "samples/tienda-whatsapp.journey.json"


    @Test("--disable RULE leaves that rule's marks out of the diagram, as on cjm check")
    func disabledRuleIsNotDrawn() throws {
        // In English, whatever the sample's language, for the words checked below.
        let drawn = try CLI.run(["export", Self.sample, "--lang", "en"])
        try #require(drawn.status == 0, "\(drawn.standardError)")
        #expect(drawn.standardOutput.contains("unserved"), "the sample has unserved touchpoints to draw")
        let disabled = try CLI.run(["export", Self.sample, "--lang", "en", "--disable", "unserved-touchpoint"])
        try #require(disabled.status == 0, "\(disabled.standardError)")
        #expect(!disabled.standardOutput.contains("unserved"))
        // The other rules' marks stay: only the disabled rule is left out.
        #expect(disabled.standardOutput.contains("handoff"))
        let unknown = try CLI.run(["export", Self.sample, "--disable", "unserved-touchpont"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("did you mean \"unserved-touchpoint\"?"))
    }

    @Test("the Spanish sample's flow, matrix and Markdown are in Spanish; --lang en switches them to English")
    func wordsInTheJourneysLanguage() throws {
        for view in ["flow", "matrix"] {
            let spanish = try CLI.run(["export", Self.sample, "--view", view])
            try #require(spanish.status == 0, "\(spanish.standardError)")
            #expect(spanish.standardOutput.contains("<B>Emoción</B>") && !spanish.standardOutput.contains("<B>Emotion</B>"), "\(view)")
            let english = try CLI.run(["export", Self.sample, "--view", view, "--lang", "en"])
            #expect(english.standardOutput.contains("<B>Emotion</B>"), "\(view)")
        }
        let markdown = try CLI.run(["export", Self.sample, "--format", "markdown"])
        #expect(markdown.standardOutput.contains("Sin hallazgos.") || markdown.standardOutput.contains("Hallazgos:"))
    }

    @Test("cjm export --help explains the arguments and options")
    func exportHelp() throws {
        let result = try CLI.run(["export", "--help"])
        #expect(result.status == 0)
        let help = result.standardOutput
        #expect(help.contains("USAGE: cjm export"))
        for option in ["--view <view>", "--persona <id>", "--no-findings", "--format <format>", "--output <file>", "-o", "--max-file-size <MB>"] {
            #expect(help.contains(option), "missing \(option)")
        }
        #expect(help.contains("flow") && help.contains("matrix"))
        #expect(help.contains("Exit codes"))
    }

    @Test("cjm render --help explains the arguments, options and how to install Graphviz")
    func renderHelp() throws {
        let result = try CLI.run(["render", "--help"])
        #expect(result.status == 0)
        let help = result.standardOutput
        #expect(help.contains("USAGE: cjm render"))
        for option in ["--view <view>", "--persona <id>", "--no-findings", "--output <file>", "--dot <path>"] {
            #expect(help.contains(option), "missing \(option)")
        }
        // The help is wrapped to the terminal's width.
        let words = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("apt-get install graphviz") && words.contains("brew install graphviz"))
        #expect(help.contains(".svg") && help.contains(".png") && help.contains(".pdf"))
    }

    @Test("cjm --help lists export and render")
    func rootHelp() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("export") && result.standardOutput.contains("render"))
    }

    @Test("export prints DOT on standard output; -o writes the same bytes to a file")
    func exportOutput() throws {
        let printed = try CLI.run(["export", Self.sample])
        #expect(printed.status == 0)
        #expect(printed.standardOutput.hasPrefix("digraph \"tienda-whatsapp\" {\n"))
        #expect(printed.standardError.isEmpty)
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let file = folder.appendingPathComponent("out.dot")
        try "old".write(to: file, atomically: true, encoding: .utf8)
        let written = try CLI.run(["export", Self.sample, "-o", file.path])
        #expect(written.status == 0)
        #expect(written.standardOutput.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == printed.standardOutput)
        // Nothing but the file is left in the folder (no temporary files).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.dot"])
    }

    /// The options the tests below pass to `cjm export`: the matrix view, and one persona without findings.
    static let optionRuns = [["--view", "matrix", "--format", "dot"], ["--persona", "maria", "--no-findings"]]

    @Test("--view matrix, --persona and --no-findings reach the exporter")
    func options() throws {
        let matrix = try CLI.run(["export", Self.sample] + Self.optionRuns[0])
        #expect(matrix.status == 0)
        #expect(matrix.standardOutput.contains("\"matrix\" [label=<<TABLE"))
        let persona = try CLI.run(["export", Self.sample] + Self.optionRuns[1])
        #expect(persona.status == 0)
        #expect(persona.standardOutput.contains("— María, compra un regalo"))
        #expect(!persona.standardOutput.contains("\"enlace-web\" ["))  // aimed at other personas
        #expect(persona.standardOutput.contains("\"anuncio-ctwa\" ["))
    }

    @Test("Graphviz accepts the matrix view and a persona's view", .requires(.dot), arguments: optionRuns)
    func optionsRender(options: [String]) throws {
        let export = try CLI.run(["export", Self.sample] + options)
        #expect(export.status == 0, "\(export.standardError)")
        _ = try GraphvizSVG.render(export.standardOutput)
    }

    @Test("an unknown persona: exit 2 with a did-you-mean hint, nothing written")
    func unknownPersona() throws {
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let file = folder.appendingPathComponent("out.dot")
        let result = try CLI.run(["export", Self.sample, "--persona", "mraia", "-o", file.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("samples/tienda-whatsapp.journey.json:1:1: error: the journey has no persona \"mraia\""))
        #expect(result.standardError.contains("hint: did you mean \"maria\"?"))
        #expect(!FileManager.default.fileExists(atPath: file.path))
        let render = try CLI.run(["render", Self.sample, "--persona", "tecnicoo", "-o", folder.appendingPathComponent("x.svg").path])
        #expect(render.status == 2)
        #expect(render.standardError.contains("did you mean \"tecnico\"?"))
    }

    @Test("an invalid journey: its diagnostics, exit 2, nothing written")
    func invalidJourney() throws {
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let file = folder.appendingPathComponent("out.dot")
        let result = try CLI.run(["export", "Tests/JourneyKitTests/Fixtures/four-errors.journey.json", "-o", file.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("four-errors.journey.json:18:11: error: unknown key \"chanels\""))
        #expect(result.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: file.path))
        let missing = try CLI.run(["export", "no-such.journey.json"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("no-such.journey.json:1:1: error: cannot read the journey: no such file"))
    }

    @Test("usage errors: a bad view, format or image extension exit 2")
    func usageErrors() throws {
        #expect(try CLI.run(["export", Self.sample, "--view", "tree"]).status == 2)
        #expect(try CLI.run(["export", Self.sample, "--format", "svg"]).status == 2)
        let extensionless = try CLI.run(["render", Self.sample, "-o", "diagram.gif"])
        #expect(extensionless.status == 2)
        #expect(extensionless.standardError.contains("name the output file .svg, .png or .pdf"))
        #expect(try CLI.run(["render", Self.sample]).status == 2)  // -o is required
    }

    @Test("render without Graphviz: how to install it, exit 2, nothing written")
    func missingGraphviz() throws {
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let image = folder.appendingPathComponent("journey.svg")
        let result = try CLI.run(["render", Self.sample, "-o", image.path, "--dot", "/nonexistent/dot"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("Graphviz's dot program was not found at /nonexistent/dot"))
        #expect(result.standardError.contains("apt-get install graphviz"))
        #expect(result.standardError.contains("brew install graphviz"))
        #expect(!FileManager.default.fileExists(atPath: image.path))
        // Without dot on PATH either.
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = folder.path
        let noPath = try CLI.run(["render", Self.sample, "-o", image.path], environment: environment)
        #expect(noPath.status == 2)
        #expect(noPath.standardError.contains("not found on PATH"))
    }

    @Test("render shows Graphviz's warnings and writes the image; a failing Graphviz writes nothing")
    func graphvizMessages() throws {
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        // Stand-ins for dot: one that warns, one that fails.
        let warning = folder.appendingPathComponent("warning-dot")
        try "#!/bin/sh\n/bin/cat > /dev/null\necho \"Warning: $1 is a test\" >&2\nprintf '<svg/>'\n".write(to: warning, atomically: true, encoding: .utf8)
        let failing = folder.appendingPathComponent("failing-dot")
        try "#!/bin/sh\n/bin/cat > /dev/null\necho 'Error: syntax error in line 1' >&2\nexit 1\n".write(to: failing, atomically: true, encoding: .utf8)
        for script in [warning, failing] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        }
        let image = folder.appendingPathComponent("journey.svg")
        let warned = try CLI.run(["render", Self.sample, "-o", image.path, "--dot", warning.path])
        #expect(warned.status == 0)
        #expect(warned.standardError == "graphviz: Warning: -Tsvg is a test\n")
        #expect(try String(contentsOf: image, encoding: .utf8) == "<svg/>")

        let failedImage = folder.appendingPathComponent("failed.png")
        let failed = try CLI.run(["render", Self.sample, "-o", failedImage.path, "--dot", failing.path])
        #expect(failed.status == 2)
        #expect(failed.standardError.contains("graphviz: Error: syntax error in line 1"))
        #expect(failed.standardError.contains("Graphviz failed"))
        #expect(!FileManager.default.fileExists(atPath: failedImage.path))
    }
}

@Suite("cjm render with Graphviz", .requires(.dot))
struct RenderCommandTests {

    @Test("render writes SVG, PNG and PDF, each in its format, with no warnings", arguments: ["svg", "png", "pdf"])
    func formats(_ format: String) throws {
        _ = try ExternalTool.dot.path()  // cjm render runs the dot on PATH
        let temporary = try TemporaryFolder()
        let folder = temporary.url
        let image = folder.appendingPathComponent("journey.\(format)")
        let result = try CLI.run(["render", ExportCommandTests.sample, "-o", image.path])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty, "\(result.standardError)")
        let bytes = try Data(contentsOf: image)
        let magic: [String: [UInt8]] = ["svg": Array("<?xml".utf8), "png": [0x89, 0x50, 0x4E, 0x47], "pdf": Array("%PDF".utf8)]
        let expected = try #require(magic[format])
        #expect(Array(bytes.prefix(expected.count)) == expected)
        if format == "svg" {
            let titles = Set(GraphvizSVG.nodes(in: String(decoding: bytes, as: UTF8.self)).map(\.title))
            #expect(titles.isSuperset(of: ["anuncio-ctwa", "respuesta-stock", "difusion-ofertas"]))
        }
    }
}

/// `--view map` on `cjm export` and `cjm render` (issue 13).
@Suite("cjm export and cjm render --view map")
struct MapCommandTests {
    @Test("export --view map prints a one-page map as SVG; a longer one needs -o and is written as OUT-k.svg")
    func exportMap() throws {
        let minimal = try CLI.run(["export", "samples/minimal.journey.json", "--view", "map"])
        try #require(minimal.status == 0, "\(minimal.standardError)")
        #expect(minimal.standardOutput.hasPrefix("<?xml"))
        #expect(minimal.standardOutput.contains("<g class=\"touchpoint\""))

        let long = try CLI.run(["export", ExportCommandTests.sample, "--view", "map", "--lang", "es"])
        #expect(long.status == 2)
        #expect(long.standardOutput.isEmpty)
        #expect(long.standardError.contains("pages") && long.standardError.contains("-o"))

        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("map.svg").path
        let written = try CLI.run(["export", ExportCommandTests.sample, "--view", "map", "--lang", "es", "-o", output])
        try #require(written.status == 0, "\(written.standardError)")
        let page = try String(contentsOfFile: folder.url.appendingPathComponent("map-1.svg").path, encoding: .utf8)
        #expect(page.contains("Puntos de contacto"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("options that do not fit the view are usage errors, with nothing written")
    func usageErrors() throws {
        for arguments in [["--view", "map", "--format", "mermaid"], ["--lanes", "emotion"], ["--view", "map", "--format", "dot"],
                          ["--format", "svg"], ["--view", "map", "--lanes", "emotions"], ["--view", "map", "--page", "10x10"]] {
            let result = try CLI.run(["export", "samples/minimal.journey.json"] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardOutput.isEmpty, "\(arguments)")
        }
    }

    @Test("render --view map writes real PNG pages and one PDF through rsvg-convert", .requires(.rsvgConvert))
    func renderMap() throws {
        let folder = try TemporaryFolder()
        let png = folder.url.appendingPathComponent("map.png").path
        let result = try CLI.run(["render", ExportCommandTests.sample, "--view", "map", "-o", png])
        try #require(result.status == 0, "\(result.standardError)")
        let first = try Data(contentsOf: folder.url.appendingPathComponent("map-1.png"))
        #expect(first.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pdf = folder.url.appendingPathComponent("map.pdf").path
        let pdfResult = try CLI.run(["render", ExportCommandTests.sample, "--view", "map", "-o", pdf])
        try #require(pdfResult.status == 0, "\(pdfResult.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)).starts(with: Array("%PDF".utf8)))
    }

    @Test("a missing rsvg-convert is a clear error naming the package, with nothing written")
    func missingConverter() throws {
        let folder = try TemporaryFolder()
        let png = folder.url.appendingPathComponent("map.png").path
        let result = try CLI.run(["render", "samples/minimal.journey.json", "--view", "map", "-o", png, "--rsvg", "/nonexistent/rsvg-convert"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("librsvg2-bin"))
        #expect(!FileManager.default.fileExists(atPath: png))
    }
}
