/// The comparison operators of the filter language.
public enum FilterOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "="
    case equalEqual = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case contains, icontains, bcontains, startswith, bstartswith, endswith
    case glob, iglob, regex, exists
    case `in`, intersects, pmatch

    /// Operators whose right side is a list.
    public var takesList: Bool { self == .in || self == .intersects || self == .pmatch }

    /// Operators that accept `oneof`/`anyof`/`allof`.
    public var acceptsModifier: Bool {
        switch self {
        case .equal, .equalEqual, .notEqual, .contains, .icontains, .bcontains, .startswith,
             .bstartswith, .endswith, .glob, .iglob, .regex:
            return true
        default:
            return false
        }
    }

    /// Numeric ordering operators.
    public var isOrdering: Bool {
        self == .less || self == .lessEqual || self == .greater || self == .greaterEqual
    }

    /// Word operators, longest first so prefixes do not shadow them.
    static let words: [FilterOperator] = [.bstartswith, .startswith, .icontains, .bcontains, .contains,
                                          .endswith, .iglob, .glob, .regex]
    static let symbols: [FilterOperator] = [.equalEqual, .notEqual, .lessEqual, .greaterEqual, .equal, .less, .greater]
    static let listWords: [FilterOperator] = [.intersects, .in, .pmatch]
}

/// `OP oneof|anyof|allof (list)`: exactly one, at least one, or every element matches.
public enum FilterModifier: String, Sendable, Hashable, CaseIterable {
    case oneof, anyof, allof
}

/// Names the parser recognises as transformers (`val` only on the right side).
public enum FilterTransformer: String, Sendable, CaseIterable {
    case tolower, toupper, b64, basename, len, val, join, concat, getopt
}
