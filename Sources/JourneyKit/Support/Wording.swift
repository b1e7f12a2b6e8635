/// Small helpers that keep the analyser's messages in one voice.
enum Wording {
    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// A name in quotes, as messages show touchpoints and stages.
    static func quoted(_ name: String) -> String { "\"\(name)\"" }
}
