extension UTF8Text {
    /// `Wording.quoted(name)`, appended: a name in quotes, as messages show touchpoints and stages.
    mutating func appendQuoted(_ name: String) {
        append("\"")
        verbatim(name)
        append("\"")
    }

    /// `Wording.list` of `count` items, each appended by `item` with its index: "a", "a and b",
    /// "a, b and c". For the sentences of findings written straight into a report's bytes.
    mutating func appendList(_ count: Int, item: (Int, inout UTF8Text) -> Void) {
        for index in 0..<count {
            if index > 0 { append(index == count - 1 ? " and " : ", ") }
            item(index, &self)
        }
    }
}
