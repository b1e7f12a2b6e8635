/// Eight bytes tested at once as one `UInt64`, for the importers' scans over whole files.
///
/// `x - 0x01…01` borrows into a byte's top bit only where that byte was zero (or where a borrow
/// came in, which needs a zero byte further down), so `(x - 0x01…01) & ~x & 0x80…80` marks the
/// first zero byte of `x` exactly, and is nonzero exactly when `x` has one.
enum ByteWord {
    /// 0x01 in every byte.
    static var ones: UInt64 { 0x0101_0101_0101_0101 }
    /// The top bit of every byte.
    static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// `byte` in every byte of the word.
    @inline(__always)
    static func repeating(_ byte: UInt8) -> UInt64 { UInt64(byte) &* ones }

    /// The top bit of the first zero byte of `word` set (bytes after it may be marked too);
    /// zero when no byte is zero.
    @inline(__always)
    static func zeroByteMarks(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highBits }
}
