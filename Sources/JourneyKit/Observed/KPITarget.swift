/// A measured amount as KPI targets and actuals write it: a number (`.` or `,` as decimal
/// mark) and an optional unit, `%` or a duration (`ms`, `s`, `sec`, `min`, `h`, `d`, and the
/// Spanish `seg`, `días`).
public struct KPIQuantity: Sendable, Hashable {
    /// What the number counts; durations of any unit compare with each other.
    public enum Dimension: String, Sendable, Hashable {
        case plain, percent, duration
    }

    /// The amount, in seconds for durations.
    public var amount: Double
    public var dimension: Dimension

    public init(amount: Double, dimension: Dimension) {
        self.amount = amount
        self.dimension = dimension
    }

    /// Seconds per duration unit, by the spellings accepted.
    static let secondsPerUnit: [String: Double] = [
        "ms": 0.001,
        "s": 1, "sec": 1, "seg": 1,
        "min": 60,
        "h": 3_600,
        "d": 86_400, "día": 86_400, "días": 86_400, "dia": 86_400, "dias": 86_400,
    ]

    /// Reads `12 min`, `4,5`, `80 %`; `nil` when the text is anything else.
    public static func parse(_ text: String) -> KPIQuantity? {
        var scalars = Substring(text.csvTrimmed).unicodeScalars[...]
        var digits = ""
        if scalars.first == "-" || scalars.first == "+" {
            if scalars.first == "-" { digits.append("-") }
            scalars = scalars.dropFirst()
        }
        var sawDigit = false
        var sawMark = false
        while let scalar = scalars.first {
            if ("0"..."9").contains(scalar) {
                sawDigit = true
                digits.unicodeScalars.append(scalar)
            } else if (scalar == "." || scalar == ","), !sawMark, sawDigit {
                sawMark = true
                digits.append(".")
            } else {
                break
            }
            scalars = scalars.dropFirst()
        }
        guard sawDigit, digits.last != ".", let number = Double(digits) else { return nil }
        let unit = String(String.UnicodeScalarView(scalars)).csvTrimmed.lowercased()
        if unit.isEmpty { return KPIQuantity(amount: number, dimension: .plain) }
        if unit == "%" { return KPIQuantity(amount: number, dimension: .percent) }
        if let seconds = secondsPerUnit[unit] { return KPIQuantity(amount: number * seconds, dimension: .duration) }
        return nil
    }
}

/// A KPI target that reads as a comparison: `< 5 min`, `>= 80 %`, `4,5` (a bare number means
/// "at least"). Targets that do not read this way (`"Fewer complaints"`) are not evaluated.
public struct KPITarget: Sendable, Hashable {
    public enum Comparator: String, Sendable, Hashable, CaseIterable {
        case below = "<", atMost = "<=", above = ">", atLeast = ">=", equal = "="
    }

    public var comparator: Comparator
    public var quantity: KPIQuantity

    public init(comparator: Comparator, quantity: KPIQuantity) {
        self.comparator = comparator
        self.quantity = quantity
    }

    /// The comparators by spelling, longest first so that `<=` is not read as `<`.
    private static let spellings: [(String, Comparator)] = [
        ("<=", .atMost), ("≤", .atMost), (">=", .atLeast), ("≥", .atLeast),
        ("<", .below), (">", .above), ("=", .equal),
    ]

    /// The comparison `text` states, or `nil` when it states none.
    public static func parse(_ text: String) -> KPITarget? {
        let trimmed = text.csvTrimmed
        for (spelling, comparator) in spellings where trimmed.hasPrefix(spelling) {
            return KPIQuantity.parse(String(trimmed.dropFirst(spelling.count))).map {
                KPITarget(comparator: comparator, quantity: $0)
            }
        }
        return KPIQuantity.parse(trimmed).map { KPITarget(comparator: .atLeast, quantity: $0) }
    }

    /// Whether `value` meets the target; `nil` when it is measured in another dimension
    /// (a `%` against minutes), which the caller reports as an error.
    public func isMet(by value: KPIQuantity) -> Bool? {
        guard value.dimension == quantity.dimension else { return nil }
        let (actual, aim) = (value.amount, quantity.amount)
        // Units convert through floating point (90 s against 1.5 min): equal within rounding.
        let tolerance = 1e-9 * max(1, abs(actual), abs(aim))
        let equal = abs(actual - aim) <= tolerance
        return switch comparator {
        case .below: actual < aim && !equal
        case .atMost: actual < aim || equal
        case .above: actual > aim && !equal
        case .atLeast: actual > aim || equal
        case .equal: equal
        }
    }
}

extension KPIQuantity.Dimension {
    /// How a person names it in an error: "a percentage", "a duration", "a plain number".
    var described: String {
        switch self {
        case .plain: "a plain number"
        case .percent: "a percentage"
        case .duration: "a duration"
        }
    }
}
