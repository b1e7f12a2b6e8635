/// `--persona` named a persona the journey does not have.
public struct UnknownPersona: Error, Sendable, Hashable {
    /// The id that was asked for.
    public var id: String
    /// E.g. `the journey has no persona "mraia"`.
    public var message: String
    /// A near id ("did you mean …?") or the list of the journey's personas.
    public var hint: String

    /// The error for the persona id `id`, with its message and hint.
    public init(id: String, message: String, hint: String) {
        self.id = id
        self.message = message
        self.hint = hint
    }

    /// The error as a diagnostic at the journey's start, for the compiler-style output.
    public func diagnostic(in journey: Journey) -> Diagnostic {
        .error(message, at: journey.location ?? SourceLocation(file: "", line: 1, column: 1), hint: hint)
    }
}

extension Journey {
    /// The persona with this id, for views focused on one persona (`--persona`).
    public func persona(withID id: String) throws(UnknownPersona) -> Persona {
        if let persona = personas.first(where: { $0.id == id }) { return persona }
        let ids = personas.map(\.id)
        let known = ids.isEmpty ? "the journey has no personas" : "its personas are " + ids.map { "\"\($0)\"" }.joined(separator: ", ")
        throw UnknownPersona(id: id, message: "the journey has no persona \"\(id)\"",
                             hint: Suggestion.hint(for: id, among: ids, fallback: known) ?? known)
    }
}
