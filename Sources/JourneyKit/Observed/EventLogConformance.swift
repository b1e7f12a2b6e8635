/// Checks an event log against a journey (`cjm conform`): rows of `case`, `timestamp`,
/// `touchpoint` and optionally `outcome` and `persona`, fed one at a time as the file streams.
///
/// Rows may come in any order, so a case can only be walked once the whole log is read. What
/// is kept meanwhile is compact: 20 bytes per event (time, row, touchpoint number, case
/// number) in the order read instead of the event's text, and each case id and unknown
/// touchpoint name once. `finish` then groups the events by case (a counting sort), sorts each
/// case's events and walks them in time linear in the log (shortest paths between touchpoints
/// are computed once per pair that needs one).
///
/// A log can be read in parts at once: each part by its own copy of an accumulator that has
/// read the header, the parts then joined in file order with `append(_:rowsBefore:)`; the
/// report is the same as of one accumulator that read every row.
public struct EventLogConformance: Sendable {
    public static let requiredColumns = ["case", "timestamp", "touchpoint"]
    public static let optionalColumns = ["outcome", "persona"]

    /// One event, packed: the touchpoint is its journey-order number, or `-(n + 1)` for the
    /// n-th unknown name; a negative row marks a failed outcome.
    private struct PackedEvent: Sendable {
        var time: Int64
        var signedRow: Int32
        var touchpoint: Int32

        /// A case's events in order: by time, then by row.
        static func precedes(_ lhs: PackedEvent, _ rhs: PackedEvent) -> Bool {
            lhs.time != rhs.time ? lhs.time < rhs.time : abs(lhs.signedRow) < abs(rhs.signedRow)
        }
    }

    private let file: String
    private let journeyID: String
    private let journeyTitle: String
    private let ids: [String]
    private let names: [String]
    /// Successors along `next`, ascending in journey order.
    private let successors: [[Int32]]
    private let predecessors: [[Int32]]
    private let hasFlows: Bool

    private var caseColumn = 0
    private var timestampColumn = 0
    private var touchpointColumn = 0
    private var outcomeColumn: Int?
    /// Case ids by number, in the order first seen.
    private var caseNumbers = TextNumbering()
    /// The journey's touchpoint ids first (numbers below `ids.count`, in journey order), then
    /// each unknown name as first seen.
    private var touchpointNumbers = TextNumbering()
    /// Every event in the order read, with its case number beside it.
    private var log = EventBlocks()
    /// The number of events read.
    public private(set) var events = 0
    /// Rows given as bytes that had to be read as text (non-ASCII cells or errors), for tests.
    private(set) var rowsReadAsText = 0

    public init(journey: Journey, file: String) {
        self.file = file
        journeyID = journey.id
        journeyTitle = journey.title
        var ids: [String] = []
        var names: [String] = []
        var indexByID: [String: Int32] = [:]
        var touchpointNumbers = TextNumbering()
        let touchpoints = journey.stages.flatMap(\.touchpoints)
        for touchpoint in touchpoints where indexByID[touchpoint.id] == nil {
            indexByID[touchpoint.id] = Int32(ids.count)
            _ = touchpointNumbers.number(touchpoint.id)
            ids.append(touchpoint.id)
            names.append(touchpoint.name)
        }
        var successors = Array(repeating: [Int32](), count: ids.count)
        var predecessors = Array(repeating: [Int32](), count: ids.count)
        var seenTouchpoints = Set<String>()
        for touchpoint in touchpoints where seenTouchpoints.insert(touchpoint.id).inserted {
            guard let from = indexByID[touchpoint.id] else { continue }
            for next in touchpoint.next {
                guard let to = indexByID[next], !successors[Int(from)].contains(to) else { continue }
                successors[Int(from)].append(to)
                predecessors[Int(to)].append(from)
            }
        }
        self.ids = ids
        self.names = names
        self.touchpointNumbers = touchpointNumbers
        self.successors = successors.map { $0.sorted() }
        self.predecessors = predecessors
        hasFlows = successors.contains { !$0.isEmpty }
    }

    /// Reads the header; the errors name each required column it lacks.
    public mutating func begin(header: [String]) -> [Diagnostic] {
        let (columns, errors) = CSVColumns.read(
            header: header, file: file, required: Self.requiredColumns, optional: Self.optionalColumns)
        caseColumn = columns.positions["case"] ?? 0
        timestampColumn = columns.positions["timestamp"] ?? 0
        touchpointColumn = columns.positions["touchpoint"] ?? 0
        outcomeColumn = columns.positions["outcome"]
        return errors
    }

    /// Adds one event read as bytes; returns the problems of the row (it is then not counted).
    ///
    /// Rows whose cells are ASCII and valid, as nearly all are, are taken from the bytes
    /// without making a `String`; any other row is read again as text by `add(_: CSVRecord)`,
    /// which matches non-ASCII ids as Swift compares text and words the errors.
    public mutating func add(_ record: CSVByteRecord) -> [Diagnostic] {
        let added = record.bytes.withUnsafeBufferPointer { addIfPlainASCII(record, $0) }
        if added { return [] }
        rowsReadAsText += 1
        return add(CSVRecord(record))
    }

    /// Adds one event; returns the problems of the row (it is then not counted).
    public mutating func add(_ record: CSVRecord) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        let caseID = record.field(caseColumn).csvTrimmed
        if caseID.isEmpty {
            errors.append(.error("the event has no case", at: record.location(in: file, column: caseColumn),
                                 hint: "every row needs the id of the case (customer, ticket, session) it belongs to"))
        }
        let timestampText = record.field(timestampColumn).csvTrimmed
        let time = Timestamp.milliseconds(timestampText)
        if time == nil {
            errors.append(.error("the timestamp \"\(timestampText)\" is not an ISO 8601 date-time",
                                 at: record.location(in: file, column: timestampColumn),
                                 hint: "write e.g. 2026-10-31T09:15:00Z (without an offset the time is UTC)"))
        }
        let touchpointID = record.field(touchpointColumn).csvTrimmed
        if touchpointID.isEmpty {
            errors.append(.error("the event has no touchpoint", at: record.location(in: file, column: touchpointColumn),
                                 hint: "name the touchpoint's id"))
        }
        var failed = false
        if let outcomeColumn {
            switch record.field(outcomeColumn).csvTrimmed.lowercased() {
            case "", "ok": break
            case "failed": failed = true
            case let other:
                errors.append(.error("the outcome \"\(other)\" is neither ok nor failed",
                                     at: record.location(in: file, column: outcomeColumn),
                                     hint: Suggestion.hint(for: other, among: ["ok", "failed"], fallback: "write ok, failed or nothing")))
            }
        }
        guard errors.isEmpty, let time, record.row < Int(Int32.max) else { return errors }
        store(case: caseNumbers.number(caseID), touchpoint: touchpointNumbers.number(touchpointID),
              time: time, row: record.row, failed: failed)
        return []
    }

    /// `add` of a row whose cells are ASCII and valid, straight from its bytes; false, having
    /// added nothing, for any other row.
    private mutating func addIfPlainASCII(_ record: CSVByteRecord, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The cell in `column` without spaces and tabs at either end (as `csvTrimmed`), or nil
        // when it is not ASCII: trimming bytes is trimming characters only for ASCII.
        func cell(_ column: Int) -> UnsafeBufferPointer<UInt8>? {
            var range = record.fieldRange(column)
            var highBits: UInt8 = 0
            for index in range { highBits |= bytes[index] }
            guard highBits < 0x80 else { return nil }
            while let first = range.first, bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t") { range = range.dropFirst() }
            while let last = range.last, bytes[last] == UInt8(ascii: " ") || bytes[last] == UInt8(ascii: "\t") { range = range.dropLast() }
            return UnsafeBufferPointer(rebasing: bytes[range])
        }
        guard record.row < Int(Int32.max),
              let caseID = cell(caseColumn), !caseID.isEmpty,
              let timestamp = cell(timestampColumn), let time = Timestamp.milliseconds(utf8: timestamp),
              let touchpointID = cell(touchpointColumn), !touchpointID.isEmpty
        else { return false }
        var failed = false
        if let outcomeColumn {
            guard let outcome = cell(outcomeColumn) else { return false }
            if outcome.isEmpty || Self.equalsIgnoringCase(outcome, "ok") {
                failed = false
            } else if Self.equalsIgnoringCase(outcome, "failed") {
                failed = true
            } else {
                return false
            }
        }
        store(case: caseNumbers.number(ascii: caseID), touchpoint: touchpointNumbers.number(ascii: touchpointID),
              time: time, row: record.row, failed: failed)
        return true
    }

    /// Whether the ASCII `bytes` are `word` (lowercase letters) in any case, as `lowercased()`
    /// compares them.
    private static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let letters = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        // Setting bit 0x20 lowercases a letter; only `X` and `x` become `x`.
        return zip(bytes, letters).allSatisfy { $0 | 0x20 == $1 }
    }

    private mutating func store(case caseNumber: Int32, touchpoint number: Int32, time: Int64, row: Int, failed: Bool) {
        let known = Int32(ids.count)
        let touchpoint = number < known ? number : -(number - known + 1)
        let row = Int32(row)
        log.append(PackedEvent(time: time, signedRow: failed ? -row : row, touchpoint: touchpoint), case: caseNumber)
        events += 1
    }

    /// Adds the events of `later`, a copy of this accumulator (after `begin`) that read the
    /// rows following this one's in the file, numbering its rows from 1: its row `n` is row
    /// `rowsBefore + n` of the whole log. Its cases and unknown touchpoints are matched to
    /// this one's by their text, as one accumulator would have numbered them.
    public mutating func append(_ later: EventLogConformance, rowsBefore: Int) {
        let caseMap = caseNumbers.numbers(of: later.caseNumbers)
        let known = ids.count
        let adHocMap = touchpointNumbers.numbers(of: later.touchpointNumbers).dropFirst(known).map { $0 - Int32(known) }
        // Rows past Int32.max are not stored by `add` either; 2 G rows are a 90 GB log.
        log.append(later.log, renumbering: .init(caseNumbers: caseMap, adHocNumbers: adHocMap, rowsBefore: Int32(clamping: rowsBefore)))
        events += later.events
        rowsReadAsText += later.rowsReadAsText
    }

    /// Walks every case and sums up; `maxDeviations` cuts the list, never the counts.
    public func finish(maxDeviations: Int = 1_000) -> ConformanceReport {
        var paths = ShortestPaths(successors: successors, predecessors: predecessors)
        var counts: [ConformanceReport.DeviationKind: Int] = [:]
        for kind in ConformanceReport.DeviationKind.allCases { counts[kind] = 0 }
        var deviations: [ConformanceReport.Deviation] = []
        var truncated = false
        var conforming = 0
        var visits = Array(repeating: 0, count: ids.count)
        var dropOffs = Array(repeating: 0, count: ids.count)
        var lastCaseVisiting = Array(repeating: -1, count: ids.count)
        var transitions: [Step: Int] = [:]
        var variants: [[Int32]: Int] = [:]
        /// The steps of the case being walked, as `Step.key`, repeats included.
        var steps: [Int64] = []

        let caseIDs = caseNumbers.texts()
        let adHocNames = touchpointNumbers.texts().dropFirst(ids.count)
        let caseOrder = caseIDs.indices.sorted { caseIDs[$0] < caseIDs[$1] }
        let grouped = log.groupedByCase(caseCount: caseIDs.count, order: caseOrder)
        /// The events of the case being walked.
        var caseEvents: [PackedEvent] = []
        for (position, caseIndex) in caseOrder.enumerated() {
            let caseID = caseIDs[caseIndex]
            caseEvents.removeAll(keepingCapacity: true)
            for address in grouped.addresses[grouped.starts[position]..<grouped.starts[position + 1]] {
                caseEvents.append(log[address])
            }
            // Logs mostly list a case's events in time order already: then there is nothing to sort.
            if caseEvents.indices.dropFirst().contains(where: { PackedEvent.precedes(caseEvents[$0], caseEvents[$0 - 1]) }) {
                caseEvents.sort(by: PackedEvent.precedes)
            }
            var deviates = false
            func note(_ deviation: ConformanceReport.Deviation) {
                deviates = true
                counts[deviation.kind, default: 0] += 1
                if deviations.count < maxDeviations { deviations.append(deviation) } else { truncated = true }
            }
            var path: [Int32] = []
            steps.removeAll(keepingCapacity: true)
            for event in caseEvents {
                let row = Int(abs(event.signedRow))
                let failed = event.signedRow < 0
                guard event.touchpoint >= 0 else {
                    let name = adHocNames[ids.count + Int(-event.touchpoint - 1)]
                    note(.init(caseID: caseID, kind: .adHoc, touchpoint: name, row: row))
                    if failed { note(.init(caseID: caseID, kind: .failing, touchpoint: name, row: row)) }
                    continue
                }
                let here = event.touchpoint
                if let previous = path.last, previous != here {
                    if hasFlows, !successors[Int(previous)].contains(here) {
                        if let between = paths.between(previous, here) {
                            for skipped in between {
                                note(.init(caseID: caseID, kind: .missing, touchpoint: ids[Int(skipped)], row: row))
                            }
                        } else {
                            note(.init(caseID: caseID, kind: .irregularSequence, from: ids[Int(previous)], to: ids[Int(here)], row: row))
                        }
                    }
                    steps.append(Step(from: previous, to: here).key)
                }
                if failed { note(.init(caseID: caseID, kind: .failing, touchpoint: ids[Int(here)], row: row)) }
                if path.last != here { path.append(here) }
                if lastCaseVisiting[Int(here)] != position {
                    lastCaseVisiting[Int(here)] = position
                    visits[Int(here)] += 1
                }
            }
            if !deviates { conforming += 1 }
            // Each distinct step of the case once: sorted, a repeat follows its first.
            steps.sort()
            for (index, step) in steps.enumerated() where index == 0 || steps[index - 1] != step {
                transitions[Step(key: step), default: 0] += 1
            }
            if let last = path.last {
                if !successors[Int(last)].isEmpty { dropOffs[Int(last)] += 1 }
                variants[path, default: 0] += 1
            }
        }

        let cases = caseIDs.count
        let touchpoints = ids.indices.map { index in
            ConformanceReport.TouchpointVisits(
                id: ids[index], name: names[index], cases: visits[index],
                share: cases == 0 ? 0 : Double(visits[index]) / Double(cases), dropOffs: dropOffs[index])
        }
        let observed = transitions.map { step, count in
            ConformanceReport.Transition(from: ids[Int(step.from)], to: ids[Int(step.to)], cases: count,
                                         isPlanned: successors[Int(step.from)].contains(step.to))
        }.sorted { ($1.cases, $0.from, $0.to) < ($0.cases, $1.from, $1.to) }
        let walks = variants.map { path, count in
            ConformanceReport.Variant(path: path.map { ids[Int($0)] }, cases: count)
        }.sorted { lhs, rhs in
            lhs.cases != rhs.cases ? lhs.cases > rhs.cases : lhs.path.lexicographicallyPrecedes(rhs.path)
        }
        return ConformanceReport(
            journeyID: journeyID, journeyTitle: journeyTitle, cases: cases, events: events, conforming: conforming,
            deviationCounts: counts, deviations: deviations, deviationsTruncated: truncated,
            touchpoints: touchpoints, transitions: observed, variants: Array(walks.prefix(20)))
    }

    /// Events in the order read, in blocks of 64 Ki: storing never copies what is stored (one
    /// array growing by doubling would hold 1.5 times the events at its last growth), and
    /// `append` takes a later part's blocks as they are, with how to renumber their cases,
    /// rows and unknown touchpoints as they are read: its blocks are shared, not copied.
    private struct EventBlocks: Sendable {
        static let blockSize = 1 << 16

        /// How the events of a part read on its own are numbered in the whole log.
        struct Renumbering: Sendable {
            /// The case number in the whole log, by the part's case number.
            var caseNumbers: [Int32]
            /// The unknown touchpoint's number in the whole log, by the part's.
            var adHocNumbers: [Int32]
            var rowsBefore: Int32

            /// Numbering as read.
            static let none = Renumbering(caseNumbers: [], adHocNumbers: [], rowsBefore: 0)

            /// `later`'s renumbering followed by this one.
            func after(_ later: Renumbering) -> Renumbering {
                if later.caseNumbers.isEmpty && later.adHocNumbers.isEmpty && later.rowsBefore == 0 { return self }
                return Renumbering(caseNumbers: later.caseNumbers.map { caseNumbers[Int($0)] },
                                   adHocNumbers: later.adHocNumbers.map { adHocNumbers[Int($0)] },
                                   rowsBefore: rowsBefore &+ later.rowsBefore)
            }

            func caseNumber(_ number: Int32) -> Int32 {
                caseNumbers.isEmpty ? number : caseNumbers[Int(number)]
            }

            func event(_ event: PackedEvent) -> PackedEvent {
                var event = event
                event.signedRow = event.signedRow < 0 ? event.signedRow &- rowsBefore : event.signedRow &+ rowsBefore
                if event.touchpoint < 0, !adHocNumbers.isEmpty {
                    event.touchpoint = -(adHocNumbers[Int(-event.touchpoint - 1)] + 1)
                }
                return event
            }
        }

        private var events: [[PackedEvent]] = []
        /// The case number of each event, in the same blocks.
        private var cases: [[Int32]] = []
        /// Each block's renumbering, as an index into `renumberings`.
        private var blockRenumbering: [Int] = []
        private var renumberings: [Renumbering] = [.none]

        mutating func append(_ event: PackedEvent, case caseNumber: Int32) {
            // The last block takes more events only while it is one of this part's own.
            if events.isEmpty || events[events.count - 1].count == Self.blockSize || blockRenumbering[events.count - 1] != 0 {
                events.append([])
                events[events.count - 1].reserveCapacity(Self.blockSize)
                cases.append([])
                cases[cases.count - 1].reserveCapacity(Self.blockSize)
                blockRenumbering.append(0)
            }
            events[events.count - 1].append(event)
            cases[cases.count - 1].append(caseNumber)
        }

        /// Appends `later`'s blocks, to be read through `renumbering`.
        mutating func append(_ later: EventBlocks, renumbering: Renumbering) {
            let first = renumberings.count
            renumberings += later.renumberings.map { renumbering.after($0) }
            events += later.events
            cases += later.cases
            blockRenumbering += later.blockRenumbering.map { first + $0 }
        }

        /// The event at `address`: its block times 64 Ki plus its place in the block (blocks
        /// appended from a later part may follow a block that is not full).
        subscript(address: UInt32) -> PackedEvent {
            let block = Int(address >> 16)
            let event = events[block][Int(address & UInt32(Self.blockSize - 1))]
            let renumbering = blockRenumbering[block]
            return renumbering == 0 ? event : renumberings[renumbering].event(event)
        }

        /// The events' addresses grouped by case, the cases in `order` (a permutation of the
        /// case numbers), each case's in the order read: case `order[p]`'s are
        /// `addresses[starts[p]..<starts[p + 1]]`. A counting sort: one pass to count, one to
        /// place, instead of a growing array per case.
        func groupedByCase(caseCount: Int, order: [Int]) -> (addresses: [UInt32], starts: [Int]) {
            // Each event's case number in the whole log, by block.
            func numbers(_ block: Int) -> [Int32] {
                let renumbering = blockRenumbering[block]
                return renumbering == 0 ? cases[block] : cases[block].map(renumberings[renumbering].caseNumber)
            }
            var next = [Int](repeating: 0, count: caseCount)
            for block in cases.indices {
                for caseNumber in numbers(block) { next[Int(caseNumber)] += 1 }
            }
            var starts = [Int](repeating: 0, count: caseCount + 1)
            var total = 0
            for (position, caseNumber) in order.enumerated() {
                starts[position] = total
                let count = next[caseNumber]
                next[caseNumber] = total
                total += count
            }
            starts[caseCount] = total
            let addresses = [UInt32](unsafeUninitializedCapacity: total) { buffer, initialized in
                for block in cases.indices {
                    let caseBlock = numbers(block)
                    // 64 Ki blocks: `add` stores fewer than 2 G events (rows below Int32.max) in
                    // full blocks, and each joined part adds at most one block that is not full.
                    let blockAddress = UInt32(truncatingIfNeeded: block << 16)
                    for (offset, caseNumber) in caseBlock.enumerated() {
                        buffer[next[Int(caseNumber)]] = blockAddress | UInt32(offset)
                        next[Int(caseNumber)] += 1
                    }
                }
                initialized = total
            }
            return (addresses, starts)
        }
    }

    private struct Step: Hashable {
        var from: Int32
        var to: Int32

        init(from: Int32, to: Int32) {
            self.from = from
            self.to = to
        }

        /// Both numbers in one integer, which sorts by `from`, then `to`.
        var key: Int64 { Int64(from) << 32 | Int64(UInt32(bitPattern: to)) }

        init(key: Int64) {
            self.init(from: Int32(truncatingIfNeeded: key >> 32), to: Int32(truncatingIfNeeded: key))
        }
    }
}

/// Shortest walks along `next` between two touchpoints, computed once per pair asked for.
/// Of several shortest walks, the one whose touchpoints come first in journey order.
struct ShortestPaths {
    let successors: [[Int32]]
    let predecessors: [[Int32]]
    /// Steps to each target, by target; `-1` where the target cannot be reached.
    private var distancesTo: [Int32: [Int32]] = [:]
    private var found: [Int64: [Int32]?] = [:]

    init(successors: [[Int32]], predecessors: [[Int32]]) {
        self.successors = successors
        self.predecessors = predecessors
    }

    /// The touchpoints strictly between `from` and `to` on the chosen shortest walk, or `nil`
    /// when `to` cannot be reached from `from`.
    mutating func between(_ from: Int32, _ to: Int32) -> [Int32]? {
        let key = Int64(from) << 32 | Int64(to)
        if let known = found[key] { return known }
        let distances = distances(to: to)
        var result: [Int32]?
        if distances[Int(from)] > 0 {
            var walk: [Int32] = []
            var current = from
            // Each step takes the first successor (in journey order) that is one step closer.
            while let next = successors[Int(current)].first(where: { distances[Int($0)] == distances[Int(current)] - 1 }), next != to {
                walk.append(next)
                current = next
            }
            result = walk
        }
        found[key] = .some(result)
        return result
    }

    private mutating func distances(to target: Int32) -> [Int32] {
        if let known = distancesTo[target] { return known }
        var distances = Array(repeating: Int32(-1), count: successors.count)
        distances[Int(target)] = 0
        var queue: [Int32] = [target]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for previous in predecessors[Int(node)] where distances[Int(previous)] < 0 {
                distances[Int(previous)] = distances[Int(node)] + 1
                queue.append(previous)
            }
        }
        distancesTo[target] = distances
        return distances
    }
}
