/// Names and owners that are empty or blank: both importers refuse them with the same words.
///
/// An empty name shows as nothing on every diagram, and an empty `owner` reads as an owner to
/// the rules, so `owner: ""` would silence `unowned-touchpoint` (issue 17).
enum EmptyText {
    /// The keys whose text must say something.
    static let keys: Set<String> = ["name", "owner"]

    /// The error for `text` as the value of `key`, or `nil` when it says something (or `key` may be empty).
    static func problem(key: String, text: String) -> (message: String, hint: String)? {
        guard keys.contains(key), text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { return nil }
        let what = text.isEmpty ? "empty" : "blank"
        let hint = key == "owner"
            ? "write who is responsible, or leave \"owner\" out when nobody is yet (cjm then reports the touchpoint as unowned)"
            : "write a name people can read; it is shown on every diagram and report"
        return ("\"\(key)\" is \(what)", hint)
    }
}
