import ArgumentParser
import JourneyKit

/// `cjm rules`: what each analyser rule flags and why.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the analyser rules with their id, default severity and explanation.",
        discussion: """
            The ids are what `ignore` lists in a journey and `cjm check --disable` accept. \
            docs/rules.md has the same text with example journeys that fail and pass each rule.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Option(help: "Output format: text, or markdown (the rule sections of docs/rules.md, with their examples).")
    var format: Format = .text

    func run() throws {
        let output = FileHandleOutput.standardOutput
        switch format {
        case .text: output.write(RuleListing.text())
        case .markdown: output.write(RuleListing.markdown())
        }
    }
}
