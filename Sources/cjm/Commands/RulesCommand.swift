import ArgumentParser
import JourneyKit

/// `cjm rules`: what each analyser rule flags and why.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the analyser rules with their id, default severity and explanation.",
        discussion: """
            The ids are what `ignore` lists in a journey and `cjm check --disable` accept. \
            docs/rules.md has the same text with example journeys that fail and pass each rule. \
            The text shows each rule's effective severity under the project configuration (the \
            .cjm.json of the current folder or the nearest one above it up to the portfolio root, \
            or --config FILE) and names the file that set it.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Option(help: "Output format: text, or markdown (the rule sections of docs/rules.md, with their examples).")
    var format: Format = .text

    @Option(name: .customLong("config"),
            help: ArgumentHelp("The project configuration to show the severities of, instead of the nearest .cjm.json.", valueName: "file"))
    var configFile: String?

    func run() throws {
        let output = FileHandleOutput.standardOutput
        switch format {
        case .text:
            // The folder's configuration, found as for a journey file in it.
            let file = configFile ?? ProjectConfigurationFile.nearest(to: "./" + ProjectConfigurationFile.name)
            output.write(RuleListing.text(configuration: try file.map(ProjectConfigurationFile.load)))
        case .markdown: output.write(RuleListing.markdown())
        }
    }
}
