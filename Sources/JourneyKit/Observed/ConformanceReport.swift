/// What `cjm conform` found: how the cases of an event log walked the journey, where they
/// left it and how often, in the order `docs/observed.md` describes.
public struct ConformanceReport: Sendable, Hashable {
    /// The four kinds of deviation of CJML (Halvorsrud et al.), in the order output lists them.
    public enum DeviationKind: String, Sendable, Hashable, CaseIterable {
        /// An event at a touchpoint the journey does not have.
        case adHoc = "ad-hoc"
        /// An event whose outcome is `failed`.
        case failing
        /// A touchpoint the case skipped on its way between two others.
        case missing
        /// A step from one touchpoint to another that the flows do not lead to.
        case irregularSequence = "irregular-sequence"

        /// How text output names the kind.
        public var words: String {
            switch self {
            case .adHoc: "ad hoc"
            case .failing: "failing"
            case .missing: "missing"
            case .irregularSequence: "irregular sequence"
            }
        }
    }

    /// One deviation of one case.
    public struct Deviation: Sendable, Hashable {
        public var caseID: String
        public var kind: DeviationKind
        /// The touchpoint that is ad hoc, failing or missing (an unknown id for ad hoc).
        public var touchpoint: String?
        /// The step of an irregular sequence.
        public var from: String?
        public var to: String?
        /// The 1-based data row of the event that revealed it (for `missing`, the event after the gap).
        public var row: Int

        public init(caseID: String, kind: DeviationKind, touchpoint: String? = nil, from: String? = nil, to: String? = nil, row: Int) {
            self.caseID = caseID
            self.kind = kind
            self.touchpoint = touchpoint
            self.from = from
            self.to = to
            self.row = row
        }
    }

    /// How many cases reached a touchpoint, and how many stopped there.
    public struct TouchpointVisits: Sendable, Hashable {
        public var id: String
        public var name: String
        public var cases: Int
        /// `cases` as a share of all cases (0 when the log has none).
        public var share: Double
        /// Cases whose last known event was here although the touchpoint leads on (`next`).
        public var dropOffs: Int
    }

    /// Consecutive known touchpoints seen in the log, with the number of cases that took the step.
    public struct Transition: Sendable, Hashable {
        public var from: String
        public var to: String
        public var cases: Int
        /// Whether the journey has this step as a `next` edge.
        public var isPlanned: Bool
    }

    /// A distinct walk through known touchpoints (repeats collapsed) and how many cases took it.
    public struct Variant: Sendable, Hashable {
        public var path: [String]
        public var cases: Int
    }

    public var journeyID: String
    public var journeyTitle: String
    public var cases: Int
    public var events: Int
    public var conforming: Int
    /// Every deviation by kind, however many `deviations` holds.
    public var deviationCounts: [DeviationKind: Int]
    /// The deviations in case order, then event order, cut to the maximum asked for.
    public var deviations: [Deviation]
    /// Whether `deviations` was cut.
    public var deviationsTruncated: Bool
    /// Every touchpoint of the journey, in journey order.
    public var touchpoints: [TouchpointVisits]
    /// Most taken first, then by `from` and `to`.
    public var transitions: [Transition]
    /// The most frequent walks (at most 20), most taken first, then by path.
    public var variants: [Variant]

    /// Conforming cases as a share of all cases; 1 for an empty log, where no case deviates.
    public var fitness: Double { cases == 0 ? 1 : Double(conforming) / Double(cases) }

    /// Whether every case conforms (`cjm conform` exits 0).
    public var allConform: Bool { conforming == cases }

    public init(
        journeyID: String, journeyTitle: String, cases: Int, events: Int, conforming: Int,
        deviationCounts: [DeviationKind: Int], deviations: [Deviation], deviationsTruncated: Bool,
        touchpoints: [TouchpointVisits], transitions: [Transition], variants: [Variant]
    ) {
        self.journeyID = journeyID
        self.journeyTitle = journeyTitle
        self.cases = cases
        self.events = events
        self.conforming = conforming
        self.deviationCounts = deviationCounts
        self.deviations = deviations
        self.deviationsTruncated = deviationsTruncated
        self.touchpoints = touchpoints
        self.transitions = transitions
        self.variants = variants
    }
}

extension Double {
    /// The number rounded to `places` decimals and written without trailing zeros (`0.7`,
    /// `1`, `0.6667`): the same bytes on every platform, unlike `description`.
    func decimalText(places: Int = 4) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((self * Double(scale)).rounded())
        let sign = scaled < 0 ? "-" : ""
        let whole = abs(scaled) / scale
        var fraction = String(abs(scaled) % scale)
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
