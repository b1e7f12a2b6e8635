/// A field's value as the journey's JSON form writes it, for `cjm diff --format json`'s
/// `"old"` and `"new"` objects.
public indirect enum FieldValue: Sendable, Hashable {
    case null
    case string(String)
    case integer(Int)
    case bool(Bool)
    case array([FieldValue])
    /// Members in the order the journey's JSON form writes them.
    case object([Member])

    /// One member of an object.
    public struct Member: Sendable, Hashable {
        /// The JSON key.
        public var key: String
        /// Its value.
        public var value: FieldValue

        /// A member `key: value`.
        public init(_ key: String, _ value: FieldValue) {
            self.key = key
            self.value = value
        }
    }

    /// A text, or `null` when it is not given.
    static func text(_ value: String?) -> FieldValue { value.map(FieldValue.string) ?? .null }

    /// A list of texts or ids.
    static func texts(_ values: [String]) -> FieldValue { .array(values.map(FieldValue.string)) }

    /// An object of the members that are given (`null` members left out, as the writer does).
    static func members(_ members: [(String, FieldValue)]) -> FieldValue {
        .object(members.filter { $0.1 != .null }.map { Member($0.0, $0.1) })
    }

    /// Properties as the JSON form writes them: an object of name → text.
    static func properties(_ properties: [Property]) -> FieldValue {
        .object(properties.map { Member($0.name, .string($0.value)) })
    }

    /// Writes the value with `out`.
    func write(to out: inout JSONOutput) {
        switch self {
        case .null: out.null()
        case .string(let text): out.string(text)
        case .integer(let number): out.integer(number)
        case .bool(let flag): out.bool(flag)
        case .array(let items):
            out.beginArray()
            for item in items { item.write(to: &out) }
            out.endArray()
        case .object(let members):
            out.beginObject()
            for member in members {
                out.key(member.key)
                member.value.write(to: &out)
            }
            out.endObject()
        }
    }
}

extension Touchpoint.KPI {
    var fieldValue: FieldValue { .members([("name", .string(name)), ("target", .text(target))]) }
}

extension Evidence {
    var fieldValue: FieldValue {
        .members([("kind", .string(kind.rawValue)), ("source", .string(source)), ("date", .text(date?.description)), ("note", .text(note))])
    }
}

extension BackstageStep {
    var fieldValue: FieldValue {
        .members([("name", .string(name)), ("lane", lane == .backstage ? .null : .string(lane.rawValue)),
                  ("owner", .text(owner)), ("description", .text(description))])
    }
}

extension Experience {
    var fieldValue: FieldValue {
        .members([("persona", .string(persona)), ("emotion", emotion.map(FieldValue.integer) ?? .null),
                  ("pains", pains.isEmpty ? .null : .texts(pains)), ("quote", .text(quote))])
    }
}

extension Scenario {
    var fieldValue: FieldValue {
        .members([("id", .string(id)), ("name", .string(name)), ("description", .text(description)),
                  ("channels", channels.isEmpty ? .null : .object(channels.map { .init($0.channel, .string($0.status.rawValue)) }))])
    }
}
