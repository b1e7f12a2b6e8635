/// Small helpers that keep the analyser's messages in one voice.
enum Wording {
    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String], and: String = "and") -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " \(and) " + items[items.count - 1]
        }
    }

    /// A list of `count` names of which `first` holds at least the first three: all of them up
    /// to three, else the first two and `more(count - 2)` ("Lucía, Ramón and 1,998 more"), so
    /// that a text stays short however many names there are.
    static func abbreviatedList(first: [String], of count: Int, and: String = "and", more: (Int) -> String) -> String {
        count <= 3 ? list(Array(first.prefix(count)), and: and) : list(Array(first.prefix(2)) + [more(count - 2)], and: and)
    }

    /// A name in quotes, as messages show touchpoints and stages.
    static func quoted(_ name: String) -> String { "\"\(name)\"" }
}
