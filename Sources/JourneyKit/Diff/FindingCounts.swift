/// Matches the findings of two versions by key (rule and references): the first n findings of a
/// key on one side match the n of that key on the other.
///
/// An open-addressing table of positions into one side's findings, with a count beside each: 8
/// bytes a slot and no key copied. A dictionary keyed by a copy of each finding's rule and
/// references, with an array of those keys per side, held some 200 bytes per finding: for the
/// 130,000 findings of an edited 100k journey, 40 MB at the peak of `cjm diff` (issue 19, memory).
///
/// The findings are read where they are, through their arrays' buffers, and each key is hashed
/// once: a copy of a finding retains every text it holds, and at 100k those copies (in the
/// lookups and in moving the kept findings) were a third of matching them (issue 19, growth).
struct FindingCounts {
    private struct Slot {
        /// The position of the first finding with this key; -1 for an empty slot.
        var position: Int32 = -1
        /// How many findings with this key are left to match.
        var count: Int32 = 0
    }

    /// The positions of the findings that find no match on the other side, on each side, in order.
    static func unmatched(old: [Diagnostic], new: [Diagnostic]) -> (old: [Int32], new: [Int32]) {
        let oldHashes = keyHashes(of: old), newHashes = keyHashes(of: new)
        return old.withUnsafeBufferPointer { old in
            new.withUnsafeBufferPointer { new in
                (unmatchedPositions(of: old, oldHashes, against: new, newHashes),
                 unmatchedPositions(of: new, newHashes, against: old, oldHashes))
            }
        }
    }

    /// Each finding's key hashed (a finding is counted on its side and looked up on the other).
    private static func keyHashes(of findings: [Diagnostic]) -> [Int] {
        findings.withUnsafeBufferPointer { findings in
            findings.indices.map { position in
                var hasher = Hasher()
                hasher.combine(findings[position].rule ?? "")
                hasher.combine(findings[position].references)
                return hasher.finalize()
            }
        }
    }

    /// The positions of `findings` left when each has taken one finding of its key from `others`.
    private static func unmatchedPositions(of findings: UnsafeBufferPointer<Diagnostic>, _ hashes: [Int],
                                           against others: UnsafeBufferPointer<Diagnostic>, _ otherHashes: [Int]) -> [Int32] {
        var slotCount = 16
        while slotCount < others.count * 2 { slotCount *= 2 }
        let mask = slotCount - 1
        var slots = [Slot](repeating: Slot(), count: slotCount)
        /// The slot of the key of the finding at `position` in `side`, or the empty slot where it
        /// would go (at most half the slots are taken). Another key's hash settles most probes
        /// without reading its finding.
        func slot(of position: Int, in side: UnsafeBufferPointer<Diagnostic>, hashes: [Int]) -> Int {
            let hash = hashes[position]
            var slot = hash & mask
            while slots[slot].position >= 0 {
                let taken = Int(slots[slot].position)
                if otherHashes[taken] == hash, haveSameKey(others[taken], side[position]) { break }
                slot = (slot + 1) & mask
            }
            return slot
        }
        for position in others.indices {
            let slot = slot(of: position, in: others, hashes: otherHashes)
            if slots[slot].position < 0 { slots[slot].position = Int32(position) }
            slots[slot].count += 1
        }
        var unmatched: [Int32] = []
        for position in findings.indices {
            let slot = slot(of: position, in: findings, hashes: hashes)
            if slots[slot].count > 0 { slots[slot].count -= 1 } else { unmatched.append(Int32(position)) }
        }
        return unmatched
    }

    /// Whether two findings are the same across versions: the same rule about the same elements
    /// in the same roles (references are held in role order, so equal references are equal keys).
    static func haveSameKey(_ lhs: borrowing Diagnostic, _ rhs: borrowing Diagnostic) -> Bool {
        (lhs.rule ?? "") == (rhs.rule ?? "") && lhs.references == rhs.references
    }

    /// Keeps only the findings at `positions` (ascending), in order, in the array's own storage:
    /// the caller gives its findings up, and a second array of 100,000 of them was 16 MB. The
    /// findings are moved within the buffer, not copied.
    static func keep(_ positions: [Int32], of findings: inout [Diagnostic]) {
        findings.withUnsafeMutableBufferPointer { findings in
            for (kept, position) in positions.enumerated() where kept != Int(position) { findings.swapAt(kept, Int(position)) }
        }
        findings.removeSubrange(positions.count...)
    }
}
