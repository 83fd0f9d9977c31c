/// Allocates frame slots for one rule (or query) and remembers their names.
final class SlotAllocator {
    private(set) var names: [String] = []

    func allocate(_ name: String) -> Int {
        names.append(name)
        return names.count - 1
    }

    var count: Int { names.count }
}

/// A lexical scope: a rule body, a comprehension body or an `every` body.
/// Lookups that reach an enclosing scope are recorded as captured, which
/// gives a nested body its closure.
final class Scope {
    let parent: Scope?
    let slots: SlotAllocator
    private var names: [String: Int] = [:]
    private(set) var captured: Set<Int> = []
    /// Every slot declared in this scope (not in parents).
    private(set) var own: Set<Int> = []

    init(parent: Scope?, slots: SlotAllocator) {
        self.parent = parent
        self.slots = slots
    }

    /// The slot of `name` if it is visible here.
    func lookup(_ name: String) -> Int? {
        if let s = names[name] { return s }
        guard let s = parent?.lookup(name) else { return nil }
        captured.insert(s)
        return s
    }

    /// Declares `name` in this scope (shadowing outer ones).
    @discardableResult
    func declare(_ name: String) -> Int {
        let s = slots.allocate(name)
        names[name] = s
        own.insert(s)
        return s
    }

    /// A slot for a wildcard `_`: never visible by name.
    func fresh(_ label: String = "_") -> Int {
        let s = slots.allocate(label)
        own.insert(s)
        return s
    }

    func isDeclaredHere(_ name: String) -> Bool { names[name] != nil }

    func setName(_ name: String, _ slot: Int) { names[name] = slot }
}
