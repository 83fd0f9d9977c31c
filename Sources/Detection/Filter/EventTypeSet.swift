/// The event types a condition can match, computed as Falco does for rule
/// dispatch: `evt.type` checks give sets, `and` intersects, `or` unites,
/// `not` complements, any other check matches every type.
public enum EventTypeSet: Sendable, Hashable {
    case all
    case only(Set<String>)
    case allExcept(Set<String>)

    public static let none = EventTypeSet.only([])

    /// Whether an event of `type` may match.
    public func contains(_ type: String) -> Bool {
        switch self {
        case .all: return true
        case .only(let set): return set.contains(type)
        case .allExcept(let set): return !set.contains(type)
        }
    }

    public var complement: EventTypeSet {
        switch self {
        case .all: return .none
        case .only(let set): return set.isEmpty ? .all : .allExcept(set)
        case .allExcept(let set): return .only(set)
        }
    }

    public func intersection(_ other: EventTypeSet) -> EventTypeSet {
        switch (self, other) {
        case (.all, _): return other
        case (_, .all): return self
        case (.only(let a), .only(let b)): return .only(a.intersection(b))
        case (.only(let a), .allExcept(let b)), (.allExcept(let b), .only(let a)): return .only(a.subtracting(b))
        case (.allExcept(let a), .allExcept(let b)): return .allExcept(a.union(b))
        }
    }

    public func union(_ other: EventTypeSet) -> EventTypeSet {
        switch (self, other) {
        case (.all, _), (_, .all): return .all
        case (.only(let a), .only(let b)): return .only(a.union(b))
        case (.only(let a), .allExcept(let b)), (.allExcept(let b), .only(let a)): return .allExcept(b.subtracting(a))
        case (.allExcept(let a), .allExcept(let b)): return .allExcept(a.intersection(b))
        }
    }

    /// `not` as Falco's resolver applies it: a check that does not restrict
    /// event types stays unrestricted when negated.
    var negated: EventTypeSet {
        self == .all ? .all : complement
    }

    /// The set for an expanded condition.
    public static func of(_ expr: FilterExpr) -> EventTypeSet {
        switch expr {
        case .and(let items): return items.reduce(.all) { $0.intersection(of($1)) }
        case .or(let items): return items.reduce(.none) { $0.union(of($1)) }
        case .not(let inner): return of(inner).negated
        case .identifier: return .all
        case .check(let check): return of(check)
        }
    }

    static func of(_ check: FilterCheck) -> EventTypeSet {
        guard case .field(let name, nil) = check.lhs, check.modifier == nil else { return .all }
        if name == "evt.num", check.op == .equal || check.op == .equalEqual,
           case .value(let literal)? = check.rhs, literal.text == "0" {
            return .none
        }
        guard name == "evt.type" else { return .all }
        switch (check.op, check.rhs) {
        case (.equal, .value(let literal)?), (.equalEqual, .value(let literal)?):
            return .only([literal.text])
        case (.notEqual, .value(let literal)?):
            return .allExcept([literal.text])
        case (.in, .list(let items)?), (.intersects, .list(let items)?):
            return .only(Set(items.map(\.text)))
        default:
            return .all
        }
    }
}
