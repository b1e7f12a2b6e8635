/// An example of the right shape for a JSON value of the wrong kind, built from the field's
/// description in `JourneyFields`: `"kpis": "NPS"` gets `"kpis": [{ "name": "NPS", "target": "…" }]`.
enum JSONShapeExample {
    /// The hint for `key` of `element` (a `JourneyFields` element) when its value had the wrong
    /// kind; `text` is the value when it was a text, put where it most likely belongs.
    static func hint(element: String, key: String, text: String?) -> String? {
        guard let field = JourneyFields.fields(of: element).first(where: { $0.json == key }),
              let value = example(of: field, text: text) else { return nil }
        return "write it like this: \"\(key)\": \(value)"
    }

    private static func example(of field: FieldDescription, text: String?) -> String? {
        let quoted = text.map(quote)
        switch field.type {
        case .text: return quoted ?? "\"…\""
        case .texts: return "[\(quoted ?? "\"…\"")]"
        case .ids, .id:
            let id = text.flatMap { JourneyValidator.isValidID($0) ? quote($0) : nil } ?? "\"ID\""
            return field.type == .id ? id : "[\(id)]"
        case .objects:
            guard case .element(let child) = field.xml else { return nil }
            return "[\(object(of: child, text: text))]"
        case .boolean: return "true"
        case .integer: return "1"
        case .date: return "\"2026-01-31\""
        case .languageTag: return "\"en-GB\""
        case .properties: return "{ \"jira\": \"CX-142\" }"
        case .channelStatuses: return "{ \"CHANNEL_ID\": \"planned\" }"
        case .choice: return nil  // the message lists the allowed values
        }
    }

    /// `{ … }` with the element's required fields (all of them for a two-field element such as
    /// a KPI); `text` goes into the first text among them, usually the name.
    private static func object(of element: String, text: String?) -> String {
        let fields = JourneyFields.fields(of: element)
        let shown = fields.count <= 2 ? fields : fields.filter(\.isRequired)
        var textPlaced = false
        let entries = shown.map { field -> String in
            let value: String
            switch field.type {
            case .id: value = "\"ID\""
            case .text where !textPlaced:
                textPlaced = true
                value = text.map(quote) ?? "\"…\""
            case .choice: value = field.defaultValue.map(quote) ?? "\"…\""
            default: value = example(of: field, text: nil) ?? "\"…\""
            }
            return "\"\(field.json)\": \(value)"
        }
        return "{ " + entries.joined(separator: ", ") + " }"
    }

    /// `text` as a JSON text, shortened: a hint quotes, it does not copy.
    private static func quote(_ text: String) -> String {
        let shortened = text.unicodeScalars.count > 40 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(40))) + "…" : text
        var result = "\""
        for scalar in shortened.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
