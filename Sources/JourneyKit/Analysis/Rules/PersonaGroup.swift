/// The personas a grouped finding is about (`channel-gap`, `unserved-touchpoint`): one
/// finding per stage or touchpoint, naming them all, instead of one per persona, so that
/// findings and output grow with the journey rather than with personas × stages.
struct PersonaGroup {
    private(set) var ids: [String] = []
    private(set) var names: [String] = []

    var isEmpty: Bool { ids.isEmpty }

    mutating func append(_ persona: Persona) {
        ids.append(persona.id)
        names.append(persona.name)
    }

    /// The value of the `personas` reference: the ids, separated by spaces.
    var reference: String { ids.joined(separator: " ") }

    /// "María", "Lucía and Ramón", "Lucía, Ramón and Ana"; beyond three, "Lucía, Ramón and
    /// 1,998 more", so that a message stays short however many personas there are.
    var sentenceSubject: String {
        Wording.abbreviatedList(first: names, of: names.count) { "\(Self.grouped($0)) more" }
    }

    /// Whether the subject is one persona, for "cannot" / "reaches" agreement where needed.
    var isSingle: Bool { ids.count == 1 }

    /// 1998 as "1,998".
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
