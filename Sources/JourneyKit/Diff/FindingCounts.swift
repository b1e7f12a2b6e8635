/// How many findings of one version there are of each key (rule and references), for matching
/// findings across versions: the first n findings of a key on one side match the n of that key
/// on the other.
///
/// An open-addressing table of positions into that version's findings, with a count beside
/// each: 8 bytes a slot and no key copied. A dictionary keyed by a copy of each finding's rule
/// and references, with an array of those keys per side, held some 200 bytes per finding: for the
/// 130,000 findings of an edited 100k journey, 40 MB at the peak of `cjm diff` (issue 19, memory).
struct FindingCounts {
    private struct Slot {
        /// The position of the first finding with this key; -1 for an empty slot.
        var position: Int32 = -1
        /// How many findings with this key are left to match.
        var count: Int32 = 0
    }

    private let findings: [Diagnostic]
    private var slots: [Slot]

    /// The counts of `findings`' keys.
    init(_ findings: [Diagnostic]) {
        self.findings = findings
        var slotCount = 16
        while slotCount < findings.count * 2 { slotCount *= 2 }
        slots = Array(repeating: Slot(), count: slotCount)
        for position in findings.indices {
            let slot = slot(for: findings[position])
            if slots[slot].position < 0 { slots[slot].position = Int32(position) }
            slots[slot].count += 1
        }
    }

    /// Matches `finding` with one of the counted findings of its key, if one is left.
    mutating func take(_ finding: Diagnostic) -> Bool {
        let slot = slot(for: finding)
        guard slots[slot].count > 0 else { return false }
        slots[slot].count -= 1
        return true
    }

    /// The slot of `finding`'s key, or the empty slot where it would go (at most half the slots are taken).
    private func slot(for finding: Diagnostic) -> Int {
        let mask = slots.count - 1
        var hasher = Hasher()
        hasher.combine(finding.rule ?? "")
        hasher.combine(finding.references)
        var slot = hasher.finalize() & mask
        while slots[slot].position >= 0, !Self.haveSameKey(findings[Int(slots[slot].position)], finding) { slot = (slot + 1) & mask }
        return slot
    }

    /// Whether two findings are the same across versions: the same rule about the same elements
    /// in the same roles (references are held in role order, so equal references are equal keys).
    static func haveSameKey(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        (lhs.rule ?? "") == (rhs.rule ?? "") && lhs.references == rhs.references
    }

    /// The positions of the findings of `findings` that find no match among `others`, in order.
    static func unmatchedPositions(of findings: [Diagnostic], against others: [Diagnostic]) -> [Int32] {
        var available = FindingCounts(others)
        var positions: [Int32] = []
        for position in findings.indices where !available.take(findings[position]) { positions.append(Int32(position)) }
        return positions
    }

    /// Keeps only the findings at `positions` (ascending), in order, in the array's own storage:
    /// the caller gives its findings up, and a second array of 100,000 of them was 16 MB.
    static func keep(_ positions: [Int32], of findings: inout [Diagnostic]) {
        for (kept, position) in positions.enumerated() where kept != Int(position) { findings.swapAt(kept, Int(position)) }
        findings.removeSubrange(positions.count...)
    }
}
