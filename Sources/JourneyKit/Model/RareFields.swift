/// A group of fields that most elements leave at their defaults (descriptions, tags,
/// properties, `ignore` lists…).
///
/// An element keeps them out of line, in one box allocated only when one of them is set, so
/// that a journey of a million personas with an id and a name pays 8 bytes for all of them
/// instead of about a hundred (issue 17). Values are the defaults' `init()`.
protocol RareFieldGroup: Hashable, Sendable {
    /// Every field at its default.
    init()
}

/// The out-of-line storage of a `RareFieldGroup`: `nil` while every field has its default,
/// else a box shared between copies until one of them changes (copy on write).
///
/// Equality and hashing look at the fields, so an element with its defaults written out
/// equals one without the box.
struct RareFields<Group: RareFieldGroup>: Hashable, Sendable {
    // Changed only through `update` and `unique`, which copy a box that another value still
    // shares: a box is never changed while more than one value sees it, so sending it is safe.
    final class Box: @unchecked Sendable {
        var group: Group
        /// The file of the element's location, for an element that keeps its line and column
        /// itself (`Persona`): one box, holding the path and default fields, is then shared by
        /// every element an importer reads from a file.
        var file: String?
        init(_ group: Group, file: String? = nil) {
            self.group = group
            self.file = file
        }
    }

    private var box: Box?

    init() {}

    /// The file kept with the fields (see `Box.file`).
    var file: String? { box?.file }

    /// Keeps `file` with the fields, leaving a box another value shares as it is when it
    /// already holds that file: elements copied from one template share its box.
    mutating func setFile(_ file: String?) {
        guard box?.file != file else { return }
        guard box != nil else {
            box = Box(Group(), file: file)
            return
        }
        unique().file = file
    }

    /// Reads one field without copying the group.
    @inline(__always)
    func read<Value>(_ field: (Group) -> Value, default value: Value) -> Value {
        guard let box else { return value }
        return field(box.group)
    }

    /// Changes fields in place, copying the box first if another value shares it.
    mutating func update(_ change: (inout Group) -> Void) {
        guard box != nil else {
            var group = Group()
            change(&group)
            // Setting a field to its default (as importers do for a key written out) keeps no box.
            if group != Group() { box = Box(group) }
            return
        }
        if !isKnownUniquelyReferenced(&box!) { box = Box(box!.group, file: box!.file) }
        change(&box!.group)
    }

    /// The box, made unique to this value (and created if there is none), for changing a
    /// field in place: `_modify { yield &rare.unique().group.tags }` appends to a list without
    /// copying it, where a getter and setter would copy the whole list for each element added.
    /// Plain assignments go through `update`, which keeps no box for a default value.
    mutating func unique() -> Box {
        guard box != nil else {
            let created = Box(Group())
            box = created
            return created
        }
        if !isKnownUniquelyReferenced(&box!) { box = Box(box!.group, file: box!.file) }
        return box!
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.box === rhs.box || (lhs.box?.group ?? Group()) == (rhs.box?.group ?? Group())
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(box?.group ?? Group())
    }
}
