/// A team's settings for checking its journeys, kept in `.cjm.json` beside them:
///
///     { "rules": { "unowned-touchpoint": "error", "unused-channel": "off" },
///       "failOn": "error", "asOf": "2026-03-14" }
///
/// Every key is optional. The command line wins over the file (`--fail-on`, `--as-of`,
/// `--disable`). Reading it does no I/O: the command finds the file and passes its bytes in.
public struct ProjectConfiguration: Sendable, Equatable {
    /// What the file says of one rule: a severity for its findings, or `off`.
    public enum RuleSetting: String, Sendable, CaseIterable {
        case error, warning, info, off

        /// The severity, or `nil` for `off`.
        public var severity: Diagnostic.Severity? { Diagnostic.Severity(rawValue: rawValue) }
    }

    /// The least severe finding that fails a check: `error`, `warning`, `info`, or `none`.
    public enum FailureLevel: String, Sendable, CaseIterable {
        case error, warning, info, none

        /// The severity, or `nil` for `none` (nothing fails the check).
        public var severity: Diagnostic.Severity? { Diagnostic.Severity(rawValue: rawValue) }
    }

    /// The file the settings were read from, as the command named it.
    public var file: String
    /// Settings by rule id.
    public var rules: [String: RuleSetting]
    /// `failOn`, when the file sets it.
    public var failOn: FailureLevel?
    /// `asOf`, when the file sets it: the day `stale-evidence` compares with.
    public var asOf: CalendarDate?

    /// Settings read from `file`; all optional.
    public init(file: String, rules: [String: RuleSetting] = [:], failOn: FailureLevel? = nil, asOf: CalendarDate? = nil) {
        self.file = file
        self.rules = rules
        self.failOn = failOn
        self.asOf = asOf
    }

    /// The rules the file turns off.
    public var disabledRules: Set<String> {
        Set(rules.filter { $0.value == .off }.keys)
    }

    /// The severities the file gives rules, by rule id.
    public var severities: [String: Diagnostic.Severity] {
        rules.compactMapValues(\.severity)
    }

    /// Reads a configuration file's bytes: the settings, or the errors found in them, each
    /// located at its key or value with a hint (unknown keys, rule ids and values get a
    /// "did you mean"). Never both empty: a file with errors gives no settings.
    public static func read(bytes: [UInt8], path: String) -> (configuration: ProjectConfiguration?, errors: [Diagnostic]) {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = ConfigurationReader(scanner: JSONScanner(bytes: buffer, file: path))
            let configuration = reader.read()
            return reader.errors.isEmpty ? (configuration, []) : (nil, reader.errors)
        }
    }
}

/// Reads `.cjm.json` with the journey importer's scanner, so that its errors are located alike.
private struct ConfigurationReader {
    var scanner: JSONScanner
    var errors: [Diagnostic] = []

    static let keys = ["$schema", "rules", "failOn", "asOf"]

    mutating func read() -> ProjectConfiguration {
        var configuration = ProjectConfiguration(file: scanner.file)
        do throws(JSONSyntaxError) {
            let start = valueMark()
            guard try scanner.valueKind() == .object else {
                report("the configuration must be an object", at: start,
                       hint: "write { \"rules\": { \"RULE_ID\": \"error\" }, \"failOn\": \"error\" }")
                return configuration
            }
            var cursor = try scanner.beginObject()
            while let (key, mark) = try scanner.nextKey(&cursor) {
                switch key {
                case "$schema": _ = try readText(key: key)  // for editors; cjm has the rules built in
                case "rules": configuration.rules = try readRules()
                case "failOn":
                    configuration.failOn = try readChoice(ProjectConfiguration.FailureLevel.self, key: key)
                case "asOf":
                    let mark = valueMark()
                    guard let text = try readText(key: key) else { break }
                    guard let date = CalendarDate(text) else {
                        report("\"asOf\" must be a day of the calendar written YYYY-MM-DD, found \"\(text)\"", at: mark,
                               hint: "e.g. \"2026-03-14\"")
                        break
                    }
                    configuration.asOf = date
                default:
                    report("unknown key \"\(key)\" in the configuration", at: mark,
                           hint: Suggestion.hint(for: key, among: Self.keys, fallback: "the keys are rules, failOn and asOf"))
                    try scanner.skipValue()
                }
            }
            if scanner.peekByte() != nil {
                throw scanner.unexpected(expecting: "the end of the file")
            }
        } catch {
            errors.append(.error(error.message, at: scanner.location(ofOffset: error.offset), hint: error.hint))
        }
        return configuration
    }

    private mutating func readRules() throws(JSONSyntaxError) -> [String: ProjectConfiguration.RuleSetting] {
        let start = valueMark()
        guard try scanner.valueKind() == .object else {
            report("\"rules\" must be an object of rule ids and severities", at: start,
                   hint: "e.g. \"rules\": { \"unowned-touchpoint\": \"error\", \"unused-channel\": \"off\" }")
            try scanner.skipValue()
            return [:]
        }
        var rules: [String: ProjectConfiguration.RuleSetting] = [:]
        var cursor = try scanner.beginObject()
        while let (id, mark) = try scanner.nextKey(&cursor) {
            guard Analyzer.rule(withID: id) != nil else {
                report("unknown rule \"\(id)\"", at: mark, hint: Analyzer.hint(forUnknownRule: id))
                try scanner.skipValue()
                continue
            }
            if rules[id] != nil { report("rule \"\(id)\" is set twice", at: mark, hint: "keep one of the two") }
            if let setting = try readChoice(ProjectConfiguration.RuleSetting.self, key: id) { rules[id] = setting }
        }
        return rules
    }

    /// A text value that must be one of `Choice`'s raw values.
    private mutating func readChoice<Choice: RawRepresentable & CaseIterable>(
        _: Choice.Type, key: String
    ) throws(JSONSyntaxError) -> Choice? where Choice.RawValue == String {
        let mark = valueMark()
        guard let text = try readText(key: key) else { return nil }
        if let choice = Choice(rawValue: text) { return choice }
        let allowed = Choice.allCases.map(\.rawValue)
        report("\"\(key)\" must be \(allowed.dropLast().joined(separator: ", ")) or \(allowed.last ?? ""), found \"\(text)\"", at: mark,
               hint: Suggestion.hint(for: text, among: allowed, fallback: "use one of \(allowed.joined(separator: ", "))"))
        return nil
    }

    private mutating func readText(key: String) throws(JSONSyntaxError) -> String? {
        let mark = valueMark()
        let kind = try scanner.valueKind()
        guard kind == .string else {
            report("\"\(key)\" must be a text, found \(kind.description)", at: mark, hint: "write the value in double quotes")
            try scanner.skipValue()
            return nil
        }
        return try scanner.readString()
    }

    /// Where the next value starts, past the whitespace before it.
    private mutating func valueMark() -> JSONScanner.Mark {
        _ = scanner.peekByte()
        return scanner.mark
    }

    private mutating func report(_ message: String, at mark: JSONScanner.Mark, hint: String?) {
        errors.append(.error(message, at: scanner.location(of: mark), hint: hint))
    }
}
