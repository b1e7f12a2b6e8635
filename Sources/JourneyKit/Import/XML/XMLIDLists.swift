/// The channel and persona lists read from one file, so that elements naming the same ids in
/// the same words share one array (issue 19: what is the same stored once). Most touchpoints
/// of a journey name one of a few channel sets and personas; an array per touchpoint was a
/// sixth of the imported journey's heap.
///
/// A list is found by the bytes of the value that spelled it, hashed with the process-seeded
/// `Hasher` (a file cannot choose colliding values), so equal arrays that were written
/// differently (`"a  b"` and `"a b"`) are kept apart: each keeps exactly what its own value says.
struct XMLIDLists {
    /// By hash of the value: the values with that hash and the list each spelled.
    private var lists: [Int: [(value: [UInt8], items: [String])]] = [:]

    /// The list read before from the same bytes, if any.
    func list(spelledBy value: UnsafeBufferPointer<UInt8>) -> [String]? {
        lists[Self.hash(value)]?.first { $0.value.elementsEqual(value) }?.items
    }

    /// Keeps `items` as the list `value` spells.
    mutating func insert(_ items: [String], spelledBy value: UnsafeBufferPointer<UInt8>) {
        lists[Self.hash(value), default: []].append((Array(value), items))
    }

    private static func hash(_ value: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(value))
        return hasher.finalize()
    }
}
