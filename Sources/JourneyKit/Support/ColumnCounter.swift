/// Turns byte offsets within a line of UTF-8 text into 1-based columns counted in Unicode code
/// points (what editors and SARIF's `unicodeCodePoints` count), for both importers.
///
/// It counts on from the last position asked for when the next one is later on the same line,
/// so asking for every element's position in a journey written on one long line (a minified
/// file) stays linear instead of quadratic.
struct ColumnCounter {
    private var lineStart = -1
    private var offset = 0
    private var column = 1

    /// The column of `offset` on the line starting at byte `lineStart` of `bytes`.
    mutating func column(of offset: Int, lineStart: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index: Int
        var column: Int
        if lineStart == self.lineStart, offset >= self.offset {
            (index, column) = (self.offset, self.column)
        } else {
            (index, column) = (lineStart, 1)
        }
        let end = min(offset, bytes.count)
        while index < end {
            // Every byte that is not a UTF-8 continuation byte starts a code point.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        (self.lineStart, self.offset, self.column) = (lineStart, end, column)
        return column
    }
}
